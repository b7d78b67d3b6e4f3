using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Features.Reading;

/// <summary>The <c>Reads</c> section: counting article reads and the most-read lists made from them.</summary>
public sealed class ReadsOptions
{
    public const string SectionName = "Reads";

    /// <summary>
    /// How often the reads counted in memory are written to the database. Reads not yet written are lost only if the
    /// process dies without shutting down (a clean stop writes them first).
    /// </summary>
    [Range(1, 3600)]
    public int FlushSeconds { get; set; } = 10;

    /// <summary>How many stories an edition's most-read list shows.</summary>
    [Range(1, 20)]
    public int MostReadCount { get; set; } = 5;

    /// <summary>How long an edition's most-read list is kept in memory before it is worked out again (at most once a minute).</summary>
    [Range(60, 3600)]
    public int MostReadRefreshSeconds { get; set; } = 60;

    /// <summary>
    /// The longest a cached page that shows the most-read list lives in the reader cache, so the list on it is never
    /// older than this plus <see cref="MostReadRefreshSeconds"/>. A story in the list that is changed or unpublished
    /// evicts those pages at once.
    /// </summary>
    [Range(60, 86_400)]
    public int MostReadPageMaxAgeSeconds { get; set; } = 300;
}
