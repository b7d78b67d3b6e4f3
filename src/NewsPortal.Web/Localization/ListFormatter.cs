using System.Globalization;

namespace NewsPortal.Web.Localization;

/// <summary>
/// Joins a list as a language joins it ("AP, AFP, and TASS"; "AP, AFP и ТАСС"; "AP، AFP و تاس"),
/// following the CLDR "standard" list patterns each language carries in its resource file
/// (<c>List.Two</c>, <c>List.Start</c>, <c>List.Middle</c>, <c>List.End</c>).
/// </summary>
public static class ListFormatter
{
    public static string Join(IReadOnlyList<string> items, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count switch
        {
            0 => "",
            1 => items[0],
            2 => string.Format(CultureInfo.InvariantCulture, LanguageData.Require(LanguageData.ListTwo, culture), items[0], items[1]),
            _ => JoinMany(items, culture),
        };
    }

    private static string JoinMany(IReadOnlyList<string> items, CultureInfo culture)
    {
        // CLDR: the end pattern joins the last two, the middle pattern folds inwards, the start pattern opens.
        var result = string.Format(CultureInfo.InvariantCulture, LanguageData.Require(LanguageData.ListEnd, culture), items[^2], items[^1]);
        var middle = LanguageData.Require(LanguageData.ListMiddle, culture);
        for (var i = items.Count - 3; i >= 1; i--)
        {
            result = string.Format(CultureInfo.InvariantCulture, middle, items[i], result);
        }

        return string.Format(CultureInfo.InvariantCulture, LanguageData.Require(LanguageData.ListStart, culture), items[0], result);
    }
}
