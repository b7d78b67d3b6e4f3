namespace NewsPortal.Web;

/// <summary>
/// Marker for the editor area's interface text, notices and validation messages in
/// <c>Localization/Resources/EditorResource.*.resx</c>. The reader site's text is in <see cref="SharedResource"/>.
/// Keys name what the text is for (<c>Setup.AddEdition</c>, <c>Notice.Published</c>); the neutral file holds English.
/// </summary>
public sealed class EditorResource
{
}
