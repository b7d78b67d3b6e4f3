using System.Globalization;

namespace NewsPortal.Web.Localization;

/// <summary>
/// Digits as the edition's readers write them. .NET formats numbers and dates with Latin digits in every
/// culture (it knows each culture's <see cref="NumberFormatInfo.NativeDigits"/> but never substitutes
/// them), while for example Persian text is written with Persian digits (۰–۹): a date such as "7 آذر 1405" in an
/// RTL line reads as a mix of scripts.
/// </summary>
public static class NativeDigits
{
    /// <summary>
    /// Whether the language's reader pages use native digits in running text: its resource file says
    /// <c>Digits</c> = <c>native</c>; the digits themselves are the culture's (CLDR) <see cref="NumberFormatInfo.NativeDigits"/>.
    /// </summary>
    public static bool AppliesTo(CultureInfo culture) =>
        string.Equals(LanguageData.Text("Digits", culture), "native", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="text"/> with the Latin digits 0–9 replaced by the culture's native digits, where its readers use them.</summary>
    public static string Apply(string text, CultureInfo culture)
    {
        if (!AppliesTo(culture))
        {
            return text;
        }

        var digits = culture.NumberFormat.NativeDigits;
        return string.Create(text.Length, (text, digits), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.text[i];
                span[i] = c is >= '0' and <= '9' ? state.digits[c - '0'][0] : c;
            }
        });
    }
}
