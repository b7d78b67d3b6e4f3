using System.Globalization;

namespace NewsPortal.Web.Localization;

/// <summary>
/// Joins a list as a language joins it ("AP, AFP, and TASS"; "AP, AFP и ТАСС"; "AP، AFP و تاس"),
/// following the CLDR list patterns of each language ("standard" type, full width).
/// </summary>
public static class ListFormatter
{
    private static readonly Dictionary<string, ListPattern> Patterns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new("{0}, {1}", "{0}, {1}", "{0}, and {1}", "{0} and {1}"),
        ["ru"] = new("{0}, {1}", "{0}, {1}", "{0} и {1}", "{0} и {1}"),
        ["uk"] = new("{0}, {1}", "{0}, {1}", "{0} і {1}", "{0} і {1}"),
        ["fa"] = new("{0}،‏ {1}", "{0}،‏ {1}", "{0}، و {1}", "{0} و {1}"),
        ["ar"] = new("{0} و{1}", "{0} و{1}", "{0} و{1}", "{0} و{1}"),
        ["de"] = new("{0}, {1}", "{0}, {1}", "{0} und {1}", "{0} und {1}"),
        ["fr"] = new("{0}, {1}", "{0}, {1}", "{0} et {1}", "{0} et {1}"),
    };

    public static string Join(IReadOnlyList<string> items, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(items);
        var pattern = PatternFor(culture);
        return items.Count switch
        {
            0 => "",
            1 => items[0],
            2 => string.Format(CultureInfo.InvariantCulture, pattern.Two, items[0], items[1]),
            _ => JoinMany(items, pattern),
        };
    }

    private static string JoinMany(IReadOnlyList<string> items, ListPattern pattern)
    {
        // CLDR: the end pattern joins the last two, the middle pattern folds inwards, the start pattern opens.
        var result = string.Format(CultureInfo.InvariantCulture, pattern.End, items[^2], items[^1]);
        for (var i = items.Count - 3; i >= 1; i--)
        {
            result = string.Format(CultureInfo.InvariantCulture, pattern.Middle, items[i], result);
        }

        return string.Format(CultureInfo.InvariantCulture, pattern.Start, items[0], result);
    }

    private static ListPattern PatternFor(CultureInfo culture)
    {
        for (var c = culture; !Equals(c, CultureInfo.InvariantCulture); c = c.Parent)
        {
            if (Patterns.TryGetValue(c.Name, out var pattern))
            {
                return pattern;
            }
        }

        return Patterns["en"];
    }

    private sealed record ListPattern(string Start, string Middle, string End, string Two);
}
