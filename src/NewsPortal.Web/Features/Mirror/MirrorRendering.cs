namespace NewsPortal.Web.Features.Mirror;

/// <summary>
/// Marks a request the mirror builder sends through the pipeline in-process (<see cref="InProcessRequests"/>): the page
/// is rendered for the static copy (no search form, no most-read list, the mirror notice), never stored in or taken from
/// the reader cache, and collects the reader-cache tags of what it shows, which tell a later incremental rebuild when
/// to render it again. No header or address can set it: only code holding the request's features.
/// </summary>
public sealed class MirrorRendering(DateTime builtAt)
{
    /// <summary>The build's time (UTC), shown as "updated HH:MM UTC".</summary>
    public DateTime BuiltAt { get; } = builtAt;

    /// <summary>The reader-cache tags of everything the page shows.</summary>
    public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>The mirror rendering of this request, or null for every request from outside.</summary>
    public static MirrorRendering? Of(HttpContext context) => context.Features.Get<MirrorRendering>();
}
