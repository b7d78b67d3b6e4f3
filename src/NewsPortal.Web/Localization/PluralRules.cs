using System.Globalization;
using Microsoft.Extensions.Localization;

namespace NewsPortal.Web.Localization;

/// <summary>
/// CLDR plural categories for whole numbers in the languages the portal is translated into,
/// so "1 language" / "4 languages" and «1 языке» / «4 языках» come from resx keys
/// <c>Key.one</c>, <c>Key.few</c>, <c>Key.many</c>, <c>Key.other</c>.
/// </summary>
public static class PluralRules
{
    public static string Category(long n, CultureInfo culture)
    {
        var language = culture.TwoLetterISOLanguageName;
        n = Math.Abs(n);
        switch (language)
        {
            case "ru" or "uk" or "be":
                var mod10 = n % 10;
                var mod100 = n % 100;
                if (mod10 == 1 && mod100 != 11)
                {
                    return "one";
                }

                return mod10 is >= 2 and <= 4 && mod100 is < 12 or > 14 ? "few" : "many";
            case "fa" or "hi":
                return n is 0 or 1 ? "one" : "other";
            case "ar":
                return n switch
                {
                    0 => "zero",
                    1 => "one",
                    2 => "two",
                    _ when n % 100 is >= 3 and <= 10 => "few",
                    _ when n % 100 is >= 11 and <= 99 => "many",
                    _ => "other",
                };
            default:
                return n == 1 ? "one" : "other";
        }
    }

    /// <summary>The localized text of <paramref name="key"/> for <paramref name="n"/>, falling back to <c>Key.other</c>.</summary>
    public static string Plural(this IStringLocalizer localizer, string key, long n, CultureInfo culture)
    {
        var specific = localizer[$"{key}.{Category(n, culture)}", n.ToString(culture)];
        return specific.ResourceNotFound ? localizer[$"{key}.other", n.ToString(culture)] : specific;
    }
}
