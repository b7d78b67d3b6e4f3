using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace NewsPortal.Web.Features.Site;

/// <summary>
/// A rate limit counted in Redis, shared by every instance (RedisRateLimiting's fixed window), that falls back to a
/// count in this instance's memory while Redis does not answer: a reader or an editor then meets the per-instance limit,
/// never an error. <see cref="RedisRateLimits"/> decides when Redis is left alone after a failure.
/// </summary>
public sealed class SharedOrLocalRateLimiter(RateLimiter shared, RateLimiter local, RedisRateLimits redis) : RateLimiter
{
    private static readonly RateLimitLease NotYet = new AskAgainLease();

    public override TimeSpan? IdleDuration => local.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

    // Redis is only asked asynchronously; the rate-limiting middleware then calls AcquireAsync.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        redis.Resting ? local.AttemptAcquire(permitCount) : NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (!redis.Resting)
        {
            try
            {
                return await shared.AcquireAsync(permitCount, cancellationToken);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
            {
                redis.Failed(ex);
            }
        }

        return await local.AcquireAsync(permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shared.Dispose();
            local.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await shared.DisposeAsync();
        await local.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    private sealed class AskAgainLease : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}

/// <summary>
/// The Redis connection of the shared rate limits (<c>ConnectionStrings:Redis</c>), made on first use, and its state:
/// after a failure Redis is left alone for <see cref="RestFor"/> (limits are counted per instance meanwhile), and a
/// failure is logged at most once every 30 seconds.
/// </summary>
public sealed class RedisRateLimits(string configuration, TimeProvider time, ILogger<RedisRateLimits> logger) : IDisposable
{
    public static readonly TimeSpan RestFor = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(30);
    private readonly Lazy<ConnectionMultiplexer> _connection = new(() =>
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(options);
    });

    private long _failedAt = long.MinValue;
    private long _loggedAt = long.MinValue;

    public IConnectionMultiplexer Connection => _connection.Value;

    public bool Resting => Interlocked.Read(ref _failedAt) is var failed && failed != long.MinValue && time.GetElapsedTime(failed) < RestFor;

    public void Failed(Exception ex)
    {
        var now = time.GetTimestamp();
        Interlocked.Exchange(ref _failedAt, now);
        var logged = Interlocked.Read(ref _loggedAt);
        if ((logged == long.MinValue || time.GetElapsedTime(logged, now) >= LogEvery) && Interlocked.CompareExchange(ref _loggedAt, now, logged) == logged)
        {
            logger.LogError(ex, "The shared rate limits in Redis failed; each instance counts its own meanwhile");
        }
    }

    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }
}
