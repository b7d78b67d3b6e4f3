using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Features.ReaderCache;

namespace NewsPortal.Web.Features.Reading;

/// <summary>
/// Each edition's most-read list, kept in memory and worked out again at most every
/// <see cref="ReadsOptions.MostReadRefreshSeconds"/> (one query, by whichever request finds it old; requests arriving
/// meanwhile wait for the same answer). A committed change to a story in a list drops that list before the pages
/// showing it are evicted (<see cref="IArticleChangeListener"/>), so an unpublished or retitled story leaves them at once.
/// On several instances, another instance's copy of a list lasts until its own refresh.
/// </summary>
public sealed class MostReadLists(IServiceScopeFactory scopes, IOptionsMonitor<ReadsOptions> options, TimeProvider time) : IArticleChangeListener
{
    private readonly ConcurrentDictionary<int, Entry> _lists = new();

    public async Task<IReadOnlyList<MostReadStory>> ForEditionAsync(int editionId)
    {
        var now = time.GetTimestamp();
        var refresh = TimeSpan.FromSeconds(options.CurrentValue.MostReadRefreshSeconds);
        while (true)
        {
            if (_lists.TryGetValue(editionId, out var entry) && time.GetElapsedTime(entry.Since, now) < refresh && !entry.List.IsFaulted)
            {
                return await entry.List;
            }

            var fresh = new Entry(now, new Lazy<Task<IReadOnlyList<MostReadStory>>>(() => ComputeAsync(editionId)));
            var stored = entry is null ? _lists.TryAdd(editionId, fresh) : _lists.TryUpdate(editionId, fresh, entry);
            if (stored)
            {
                return await fresh.List;
            }
        }
    }

    public void ArticlesChanged(IReadOnlyCollection<int> articleIds)
    {
        foreach (var (editionId, entry) in _lists)
        {
            // A list still being worked out may have read the story before the change: it goes too.
            if (!entry.List.IsCompletedSuccessfully || entry.List.Result.Any(s => articleIds.Contains(s.Id)))
            {
                _lists.TryRemove(new KeyValuePair<int, Entry>(editionId, entry));
            }
        }
    }

    private async Task<IReadOnlyList<MostReadStory>> ComputeAsync(int editionId)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GetMostRead>()
            .ExecuteAsync(editionId, time.GetUtcNow().UtcDateTime, options.CurrentValue.MostReadCount, CancellationToken.None);
    }

    private sealed class Entry(long since, Lazy<Task<IReadOnlyList<MostReadStory>>> list)
    {
        public long Since { get; } = since;

        public Task<IReadOnlyList<MostReadStory>> List => list.Value;
    }
}
