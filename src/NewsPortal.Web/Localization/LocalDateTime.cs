using System.Globalization;

namespace NewsPortal.Web.Localization;

/// <summary>Dates and times in a reader's language, for pages and feeds alike.</summary>
public static class LocalDateTime
{
    /// <summary>
    /// Long date and 24-hour time in the culture's calendar (from .NET's CLDR data), laid out as the language's
    /// resource file says: <c>DateTime.DatePattern</c> (the culture's long date "D" unless the language writes
    /// it otherwise, e.g. Persian's full-date order "شنبه ۷ آذر ۱۴۰۵"), <c>DateTime.Layout</c> joining date and
    /// time ("{0}, {1} UTC") and <c>Digits</c> ("native" where readers write the culture's own digits).
    /// </summary>
    public static string Format(DateTime utc, CultureInfo culture)
    {
        var datePattern = LanguageData.Text("DateTime.DatePattern", culture) ?? "D";
        var layout = LanguageData.Text("DateTime.Layout", culture) ?? "{0}, {1} UTC";
        var date = utc.ToUniversalTime().ToString(datePattern, culture);
        var time = utc.ToUniversalTime().ToString("HH:mm", culture);
        return NativeDigits.Apply(string.Format(CultureInfo.InvariantCulture, layout, date, time), culture);
    }
}
