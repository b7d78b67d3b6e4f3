using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using StackExchange.Redis;

namespace NewsPortal.Web.Features.ReaderCache;

/// <summary>
/// The shared reader cache (Redis) with a short-lived copy of each page in the instance's own memory, so that a page
/// read again within <see cref="ReaderCacheOptions.LocalCopySeconds"/> costs no trip to Redis. Correctness stays with
/// Redis: an eviction on any instance (a publish) empties Redis, then tells every instance through a Redis channel to
/// drop all its copies (copies carry no tags, and publishing is rare next to reading, so dropping them all is cheap).
/// A copy fetched while such a message arrived is not kept. If the channel's message is lost (Redis restarting), a
/// copy still lives no longer than <see cref="ReaderCacheOptions.LocalCopySeconds"/>.
/// </summary>
public sealed class LocalCopyOutputCacheStore : IOutputCacheStore, IDisposable
{
    private readonly IOutputCacheStore _shared;
    private readonly TimeSpan _keep;
    private readonly MemoryCache _copies;
    private readonly RedisChannel _channel;
    private readonly ILogger<LocalCopyOutputCacheStore> _logger;
    private readonly Task<ConnectionMultiplexer?> _connection;
    private long _generation;
    private int _publishFailures;

    public LocalCopyOutputCacheStore(IOutputCacheStore shared, string redisConfiguration, string keyPrefix, TimeSpan keep, long sizeLimitBytes, ILogger<LocalCopyOutputCacheStore> logger)
    {
        _shared = shared;
        _keep = keep;
        _logger = logger;
        _copies = new MemoryCache(new MemoryCacheOptions { SizeLimit = sizeLimitBytes });
        _channel = RedisChannel.Literal(keyPrefix + "evicted");
        _connection = SubscribeAsync(redisConfiguration);
    }

    /// <summary>Drops every copy this instance holds; copies being fetched meanwhile are not kept.</summary>
    public void DropCopies()
    {
        Interlocked.Increment(ref _generation);
        _copies.Compact(1.0);
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        if (_copies.TryGetValue(CopyKey(generation, key), out byte[]? copy))
        {
            return copy;
        }

        var value = await _shared.GetAsync(key, cancellationToken);
        if (value is not null && Interlocked.Read(ref _generation) == generation)
        {
            Keep(generation, key, value, _keep);
        }

        return value;
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        await _shared.SetAsync(key, value, tags, validFor, cancellationToken);
        if (Interlocked.Read(ref _generation) == generation)
        {
            Keep(generation, key, value, validFor < _keep ? validFor : _keep);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        DropCopies();
        await _shared.EvictByTagAsync(tag, cancellationToken);
        // Copies taken here while Redis was being emptied go too; then every other instance drops its copies.
        DropCopies();
        await PublishAsync(tag);
    }

    public void Dispose()
    {
        _copies.Dispose();
        if (_connection.IsCompletedSuccessfully)
        {
            _connection.Result?.Dispose();
        }
    }

    private static string CopyKey(long generation, string key) => string.Concat(generation.ToString(System.Globalization.CultureInfo.InvariantCulture), ":", key);

    private void Keep(long generation, string key, byte[] value, TimeSpan lifetime)
    {
        if (lifetime > TimeSpan.Zero)
        {
            _copies.Set(CopyKey(generation, key), value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = value.Length });
        }
    }

    private async Task<ConnectionMultiplexer?> SubscribeAsync(string configuration)
    {
        try
        {
            var options = ConfigurationOptions.Parse(configuration);
            options.AbortOnConnectFail = false;
            var connection = await ConnectionMultiplexer.ConnectAsync(options);
            await connection.GetSubscriber().SubscribeAsync(_channel, (_, _) => DropCopies());
            // Messages sent while the connection was down are lost: whatever changed meanwhile, drop the copies.
            connection.ConnectionRestored += (_, _) => DropCopies();
            return connection;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever went wrong, copies then simply expire on time; nothing else depends on the subscription.
            _logger.LogError(ex, "The reader cache could not subscribe to evictions in Redis; this instance keeps page copies for at most {Seconds} s", _keep.TotalSeconds);
            return null;
        }
    }

    private async Task PublishAsync(string tag)
    {
        try
        {
            if (await _connection is { } connection)
            {
                await connection.GetSubscriber().PublishAsync(_channel, tag);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            // The other instances' copies then expire on their own, within LocalCopySeconds.
            if (Interlocked.Increment(ref _publishFailures) == 1)
            {
                _logger.LogWarning(ex, "The reader cache could not tell the other instances about an eviction; their copies expire within {Seconds} s", _keep.TotalSeconds);
            }
        }
    }
}
