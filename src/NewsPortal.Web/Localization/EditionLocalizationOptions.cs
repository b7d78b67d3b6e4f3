using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Localization;

/// <summary>
/// The <c>Localization</c> section: the cultures whose interface text exists in
/// <c>Resources/SharedResource.*.resx</c>. An edition can only use one of these codes.
/// </summary>
public sealed class EditionLocalizationOptions
{
    public const string SectionName = "Localization";

    [Required]
    public string DefaultCulture { get; set; } = "en";

    [MinLength(1)]
    public List<string> SupportedCultures { get; set; } = [];
}
