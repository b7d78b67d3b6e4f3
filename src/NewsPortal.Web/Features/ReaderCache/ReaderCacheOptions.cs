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

    /// <summary>Memory the cached responses may take in each instance's own cache; the least recently used go first.</summary>
    [Range(1, 4096)]
    public int SizeLimitMegabytes { get; set; } = 64;

    /// <summary>
    /// The prefix of every key in Redis, when the cache is shared there (<c>ConnectionStrings:Redis</c>): two sites
    /// sharing one Redis server keep apart with different prefixes.
    /// </summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9._:-]{1,64}$")]
    public string RedisKeyPrefix { get; set; } = "newsportal:";

    /// <summary>
    /// With the cache in Redis: how long each instance keeps its own copy of a page it read from Redis, so that a page
    /// in demand costs one trip to Redis per instance this often instead of one per request. A publish drops every
    /// instance's copies at once (through Redis); this is the longest a copy can outlive a publish whose message was lost.
    /// 0 reads every page from Redis.
    /// </summary>
    [Range(0, 60)]
    public int LocalCopySeconds { get; set; } = 2;
}
