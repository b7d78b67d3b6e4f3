using System.Globalization;
using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Localization;

/// <summary>
/// At startup: every culture in <c>Localization:SupportedCultures</c> carries its own CLDR list patterns and
/// plural rules in its resource file. A language without them stops the start with a message naming the
/// culture and the missing keys, instead of joining lists and counting in another language.
/// </summary>
public sealed class LanguageDataValidation : IValidateOptions<EditionLocalizationOptions>
{
    public ValidateOptionsResult Validate(string? name, EditionLocalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var code in options.SupportedCultures)
        {
            CultureInfo culture;
            try
            {
                culture = CultureInfo.GetCultureInfo(code);
            }
            catch (CultureNotFoundException)
            {
                failures.Add($"Localization:SupportedCultures lists '{code}', which is not a culture this platform knows.");
                continue;
            }

            var problems = LanguageData.Problems(culture);
            if (problems.Count > 0)
            {
                failures.Add(LanguageData.MissingMessage(culture, problems));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
