using Microsoft.AspNetCore.OutputCaching;

namespace NewsPortal.Web.Features.ReaderCache;

/// <summary>
/// The shared reader cache (Redis) as readers need it when it fails: a cache that cannot answer is a miss, so the
/// page is rendered from the database, and a page that cannot be stored is simply not stored; readers never get an
/// error because the cache is down. An eviction that fails is logged as an error: once the cache answers again it
/// may hold a changed page until <see cref="ReaderCacheOptions.MaxAgeSeconds"/>. After a failure the cache is left
/// alone for <see cref="RestFor"/> (so an outage costs one timeout now and then, not one per request), and each
/// failure is logged at most once every 30 seconds, with how many there were meanwhile.
/// </summary>
public sealed class FailSafeOutputCacheStore(IOutputCacheStore inner, TimeProvider time, ILogger<FailSafeOutputCacheStore> logger) : IOutputCacheStore
{
    public static readonly TimeSpan RestFor = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(30);
    private long _lastLogged = long.MinValue;
    private long _failedAt = long.MinValue;
    private int _unlogged;

    private bool Resting => Interlocked.Read(ref _failedAt) is var failed && failed != long.MinValue && time.GetElapsedTime(failed) < RestFor;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (Resting)
        {
            return null;
        }

        try
        {
            return await inner.GetAsync(key, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed(ex, "read a page");
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (Resting)
        {
            return;
        }

        try
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed(ex, "store a page");
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (Resting)
        {
            // It failed a moment ago: this eviction fails too, counted without waiting for a timeout.
            Interlocked.Increment(ref _unlogged);
            return;
        }

        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed(ex, $"evict {tag} (once it answers again it may serve those old pages for up to OutputCache:MaxAgeSeconds)");
        }
    }

    private void Failed(Exception ex, string what)
    {
        var now = time.GetTimestamp();
        Interlocked.Exchange(ref _failedAt, now);
        var last = Interlocked.Read(ref _lastLogged);
        if (last != long.MinValue && time.GetElapsedTime(last, now) < LogEvery)
        {
            Interlocked.Increment(ref _unlogged);
            return;
        }

        if (Interlocked.CompareExchange(ref _lastLogged, now, last) == last)
        {
            logger.LogError(ex, "The reader cache failed to {What}; pages are rendered without it meanwhile ({Unlogged} more failures since the last message)",
                what, Interlocked.Exchange(ref _unlogged, 0));
        }
    }
}
