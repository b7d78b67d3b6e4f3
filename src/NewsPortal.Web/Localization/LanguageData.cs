using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace NewsPortal.Web.Localization;

/// <summary>
/// The language rules each interface language ships in its <c>Resources/SharedResource.&lt;code&gt;.resx</c>:
/// CLDR list patterns (<c>List.Two</c>, <c>List.Start</c>, <c>List.Middle</c>, <c>List.End</c>) and CLDR plural
/// rules (<c>PluralRules</c>). A language's rules are read from its own file (or its parent language's,
/// "ru" for "ru-KZ"), never from another language's: the neutral file holds the neutral language's rules only.
/// </summary>
public static class LanguageData
{
    public const string ListTwo = "List.Two";
    public const string ListStart = "List.Start";
    public const string ListMiddle = "List.Middle";
    public const string ListEnd = "List.End";
    public const string PluralRulesKey = "PluralRules";

    /// <summary>The keys every supported culture must carry in its own resource file.</summary>
    public static readonly IReadOnlyList<string> RequiredKeys = [ListTwo, ListStart, ListMiddle, ListEnd, PluralRulesKey];

    private static readonly ResourceManager Resources = new(
        typeof(SharedResource).Namespace + ".Localization.Resources." + nameof(SharedResource),
        typeof(SharedResource).Assembly);

    private static readonly ConcurrentDictionary<string, CldrPluralRules> PluralRuleCache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The value of <paramref name="key"/> in the culture's own resource file or its parent language's; null if neither has it.</summary>
    public static string? Find(string key, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        for (var c = culture; !Equals(c, CultureInfo.InvariantCulture); c = c.Parent)
        {
            var value = Resources.GetResourceSet(c, createIfNotExists: true, tryParents: false)?.GetString(key);
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The value of <paramref name="key"/> for the culture; a clear configuration error when its resource file lacks it.</summary>
    public static string Require(string key, CultureInfo culture) =>
        Find(key, culture) ?? throw new InvalidOperationException(MissingMessage(culture, [key]));

    /// <summary>The keys of <see cref="RequiredKeys"/> the culture's resource file lacks, or whose plural rules do not parse.</summary>
    public static IReadOnlyList<string> Problems(CultureInfo culture)
    {
        var problems = RequiredKeys.Where(key => Find(key, culture) is null).ToList();
        if (Find(PluralRulesKey, culture) is { } rules)
        {
            try
            {
                CldrPluralRules.Parse(rules);
            }
            catch (FormatException e)
            {
                problems.Add($"{PluralRulesKey} ({e.Message})");
            }
        }

        return problems;
    }

    /// <summary>The parsed CLDR plural rules of the culture's language.</summary>
    public static CldrPluralRules PluralRulesFor(CultureInfo culture) =>
        PluralRuleCache.GetOrAdd(culture.Name, _ => CldrPluralRules.Parse(Require(PluralRulesKey, culture)));

    /// <summary>
    /// Interface text that may follow the neutral file where a language has nothing of its own
    /// (date layout, digits): the usual resource fallback.
    /// </summary>
    public static string? Text(string key, CultureInfo culture) => Resources.GetString(key, culture);

    public static string MissingMessage(CultureInfo culture, IEnumerable<string> keys) =>
        $"The interface language '{culture.Name}' is listed in Localization:SupportedCultures, but " +
        $"Localization/Resources/SharedResource.{culture.Name}.resx (or its parent language's file) lacks or has invalid: " +
        $"{string.Join(", ", keys)}. Add its CLDR list patterns and plural rules there.";
}
