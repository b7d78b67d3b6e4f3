using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging.Abstractions;
using NewsPortal.Web.Features.ReaderCache;

namespace NewsPortal.UnitTests.Features.ReaderCache;

/// <summary>The instance's short-lived copies in front of the shared cache (here a counting stand-in; no Redis answers).</summary>
public sealed class LocalCopyOutputCacheStoreTests : IDisposable
{
    private readonly CountingStore _shared = new();
    private readonly LocalCopyOutputCacheStore _store;

    public LocalCopyOutputCacheStoreTests() =>
        _store = new LocalCopyOutputCacheStore(_shared, "127.0.0.1:1,connectTimeout=100,abortConnect=false", "test:", TimeSpan.FromSeconds(30), 1024 * 1024, NullLogger<LocalCopyOutputCacheStore>.Instance);

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task APageReadAgainComesFromTheCopyNotFromTheSharedCache()
    {
        _shared.Pages["page"] = [1, 2, 3];

        Assert.Equal([1, 2, 3], await _store.GetAsync("page", CancellationToken.None));
        Assert.Equal([1, 2, 3], await _store.GetAsync("page", CancellationToken.None));

        Assert.Equal(1, _shared.Reads);
    }

    [Fact]
    public async Task AnEvictionDropsTheCopiesAndEmptiesTheSharedCache()
    {
        await _store.SetAsync("page", [1], ["article:1"], TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Equal([1], await _store.GetAsync("page", CancellationToken.None));
        Assert.Equal(0, _shared.Reads);

        await _store.EvictByTagAsync("article:1", CancellationToken.None);

        Assert.Null(await _store.GetAsync("page", CancellationToken.None));
        Assert.Equal(["article:1"], _shared.Evicted);
    }

    [Fact]
    public async Task ACopyFetchedWhileAnEvictionArrivedIsNotKept()
    {
        _shared.Pages["page"] = [1];
        _shared.DuringRead = _store.DropCopies;   // the eviction message arrives while the old page is on its way

        Assert.Equal([1], await _store.GetAsync("page", CancellationToken.None));
        _shared.DuringRead = null;
        _shared.Pages["page"] = [2];

        Assert.Equal([2], await _store.GetAsync("page", CancellationToken.None));
    }

    [Fact]
    public async Task ACopyLivesNoLongerThanThePageItself()
    {
        await _store.SetAsync("page", [1], [], TimeSpan.FromMilliseconds(50), CancellationToken.None);
        _shared.Pages.Clear();
        await Task.Delay(200);

        Assert.Null(await _store.GetAsync("page", CancellationToken.None));
    }

    private sealed class CountingStore : IOutputCacheStore
    {
        public Dictionary<string, byte[]> Pages { get; } = [];

        public List<string> Evicted { get; } = [];

        public int Reads { get; private set; }

        public Action? DuringRead { get; set; }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
        {
            Reads++;
            DuringRead?.Invoke();
            return ValueTask.FromResult(Pages.TryGetValue(key, out var value) ? value : null);
        }

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            Pages[key] = value;
            return ValueTask.CompletedTask;
        }

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            Evicted.Add(tag);
            Pages.Clear();
            return ValueTask.CompletedTask;
        }
    }
}
