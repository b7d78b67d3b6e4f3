using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Localization;

/// <summary>
/// The languages the editor area's interface can be shown in: the site's default culture and every supported
/// culture whose <c>EditorResource</c> translation ships with the site (a satellite assembly). A person picks one
/// on their profile, independently of the editions they write for.
/// </summary>
public sealed class InterfaceLanguages
{
    public InterfaceLanguages(IOptions<EditionLocalizationOptions> options)
    {
        var resources = new ResourceManager("NewsPortal.Web.Localization.Resources.EditorResource", typeof(EditorResource).Assembly);
        Default = CultureInfo.GetCultureInfo(options.Value.DefaultCulture);
        All = [.. options.Value.SupportedCultures
            .Select(CultureInfo.GetCultureInfo)
            .Where(c => c.Name == Default.Name || resources.GetResourceSet(c, createIfNotExists: true, tryParents: false) is not null)];
    }

    public CultureInfo Default { get; }

    public IReadOnlyList<CultureInfo> All { get; }

    /// <summary>The offered language named <paramref name="name"/>, or null.</summary>
    public CultureInfo? Find(string? name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
