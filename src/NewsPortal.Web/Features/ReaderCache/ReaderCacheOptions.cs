using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Features.ReaderCache;

/// <summary>The <c>OutputCache</c> section: the shared cache of anonymous reader responses.</summary>
public sealed class ReaderCacheOptions
{
    public const string SectionName = "OutputCache";

    /// <summary>Off only to measure the uncached path: every reader request then renders from the database.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The longest a cached page lives. Publishing evicts what it changes at once, and a page with a breaking
    /// banner or a scheduled story lives only until that changes, so this is a ceiling, not a freshness limit.
    /// </summary>
    [Range(1, 86_400)]
    public int MaxAgeSeconds { get; set; } = 3600;

    /// <summary>Memory the cached responses may take; the least recently used go first.</summary>
    [Range(1, 4096)]
    public int SizeLimitMegabytes { get; set; } = 64;
}
