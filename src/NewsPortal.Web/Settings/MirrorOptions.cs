using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Settings;

/// <summary>
/// The static mirror of the editions (section <c>Mirror</c>): where the running site keeps its copy, and what the
/// copy and the main site say about mirrors.
/// </summary>
public sealed class MirrorOptions : IValidatableObject
{
    public const string SectionName = "Mirror";

    /// <summary>
    /// The folder the running site keeps a copy in (relative to the data directory, or absolute); empty: none. The
    /// admin page builds it, and every publication, correction and unpublication updates what changed.
    /// </summary>
    public string Folder { get; set; } = "";

    /// <summary>Edition codes the kept copy holds; empty: every edition.</summary>
    public string[] Editions { get; set; } = [];

    /// <summary>Whether saves update the kept copy (a few seconds later, only the pages that changed).</summary>
    public bool UpdateOnPublish { get; set; } = true;

    /// <summary>Seconds to wait after a save before updating, so a burst of saves makes one update.</summary>
    [Range(0, 3600)]
    public int UpdateDelaySeconds { get; set; } = 3;

    /// <summary>The widest picture rendition a copy holds (the smaller renditions keep a copy light).</summary>
    [Range(160, 4000)]
    public int MaxPictureWidth { get; set; } = 640;

    /// <summary>The addresses of the official mirrors, listed by the main site at <c>/mirrors.txt</c>.</summary>
    public string[] OfficialMirrors { get; set; } = [];

    /// <summary>
    /// Where readers check the list of official mirrors, shown on every mirrored page: best a page outside the main
    /// site (which may be blocked where the copy is read); empty: the main site's <c>/mirrors.txt</c>.
    /// </summary>
    public string OfficialMirrorsUrl { get; set; } = "";

    /// <summary>The site's onion address (<c>http://….onion</c>); when set, the main site's pages send <c>Onion-Location</c>.</summary>
    public string OnionAddress { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OfficialMirrorsUrl.Length > 0 && !(Uri.TryCreate(OfficialMirrorsUrl, UriKind.Absolute, out var list) && list.Scheme is "http" or "https"))
        {
            yield return new ValidationResult("Mirror:OfficialMirrorsUrl must be an absolute http(s) address.", [nameof(OfficialMirrorsUrl)]);
        }

        if (OfficialMirrors.Any(m => !(Uri.TryCreate(m, UriKind.Absolute, out var mirror) && mirror.Scheme is "http" or "https")))
        {
            yield return new ValidationResult("Mirror:OfficialMirrors must hold absolute http(s) addresses.", [nameof(OfficialMirrors)]);
        }

        if (OnionAddress.Length > 0 && !(Uri.TryCreate(OnionAddress, UriKind.Absolute, out var onion)
            && onion.Scheme is "http" or "https" && onion.Host.EndsWith(".onion", StringComparison.OrdinalIgnoreCase) && onion.AbsolutePath == "/"))
        {
            yield return new ValidationResult("Mirror:OnionAddress must be an http(s) address of a .onion host, without a path.", [nameof(OnionAddress)]);
        }
    }
}
