namespace NewsPortal.Web;

/// <summary>
/// Marker for the interface text in <c>Localization/Resources/SharedResource.*.resx</c>
/// (kept in the root namespace so the resource name matches that folder).
/// </summary>
public sealed class SharedResource
{
}
