using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsPortal.Web;
using NewsPortal.Web.Features;

namespace NewsPortal.UnitTests.Localization;

/// <summary>The editor area's text as a person using the given interface language reads it, without a host.</summary>
internal static class EditorText
{
    private static readonly IStringLocalizer Localizer = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Localization/Resources" }), NullLoggerFactory.Instance).Create(typeof(EditorResource));

    public static string In(string culture, Notice notice)
    {
        var previous = CultureInfo.CurrentUICulture;
        var previousFormat = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return Localizer.Word(notice);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousFormat;
        }
    }

    public static string English(Notice notice) => In("en", notice);

    /// <summary>Whether the key has text of its own (not the key shown back) in the culture.</summary>
    public static bool Exists(string culture, string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return !Localizer[key].ResourceNotFound;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
