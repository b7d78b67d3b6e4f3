using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging.Abstractions;
using NewsPortal.Web.Features.Site;
using StackExchange.Redis;

namespace NewsPortal.UnitTests.Features.Site;

public sealed class SharedOrLocalRateLimiterTests : IDisposable
{
    private readonly RedisRateLimits _redis = new("127.0.0.1:1,abortConnect=false", TimeProvider.System, NullLogger<RedisRateLimits>.Instance);

    public void Dispose() => _redis.Dispose();

    private static FixedWindowRateLimiter Limit(int permits) =>
        new(new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    [Fact]
    public async Task TheSharedCountDecidesWhileRedisAnswers()
    {
        using var limiter = new SharedOrLocalRateLimiter(Limit(1), Limit(100), _redis);

        Assert.True((await limiter.AcquireAsync()).IsAcquired);
        Assert.False((await limiter.AcquireAsync()).IsAcquired);
    }

    [Fact]
    public async Task WhenRedisFailsTheInstanceCountsAloneInsteadOfFailingTheRequest()
    {
        using var limiter = new SharedOrLocalRateLimiter(new Unreachable(), Limit(2), _redis);

        Assert.True((await limiter.AcquireAsync()).IsAcquired);
        Assert.True(_redis.Resting);
        Assert.True((await limiter.AcquireAsync()).IsAcquired);
        Assert.False((await limiter.AcquireAsync()).IsAcquired);
    }

    private sealed class Unreachable : RateLimiter
    {
        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "no Redis");

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "no Redis");
    }
}
