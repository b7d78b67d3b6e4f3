using System.Globalization;
using Microsoft.Extensions.Localization;

namespace NewsPortal.Web.Localization;

/// <summary>
/// CLDR plural categories, from the plural rules each language carries in its resource file (key
/// <c>PluralRules</c>), so "1 language" / "4 languages" and «1 языке» / «4 языках» come from resx keys
/// <c>Key.one</c>, <c>Key.few</c>, <c>Key.many</c>, <c>Key.other</c>.
/// </summary>
public static class PluralRules
{
    public static string Category(long n, CultureInfo culture) => LanguageData.PluralRulesFor(culture).Category(n);

    /// <summary>The localized text of <paramref name="key"/> for <paramref name="n"/>, falling back to <c>Key.other</c>.</summary>
    public static string Plural(this IStringLocalizer localizer, string key, long n, CultureInfo culture)
    {
        var specific = localizer[$"{key}.{Category(n, culture)}", n.ToString(culture)];
        return specific.ResourceNotFound ? localizer[$"{key}.other", n.ToString(culture)] : specific;
    }
}
