using System.Collections.Concurrent;

namespace NewsPortal.Web.Features.Reading;

/// <summary>Reads of one article in one hour (UTC, the start of the hour).</summary>
public readonly record struct HourlyReads(int ArticleId, DateTime Hour, int Count);

/// <summary>
/// Article reads counted in memory until <see cref="ReadCountFlusher"/> writes them to the database: one counter per
/// article and hour, found without a lock and incremented with <see cref="Interlocked"/>, so counting costs a page
/// next to nothing and allocates nothing once the article has been read in the hour. Nothing about the reader is
/// kept: an article id, an hour, a number.
/// </summary>
public sealed class ReadCounter(TimeProvider time)
{
    private static readonly long TicksPerHour = TimeSpan.FromHours(1).Ticks;

    /// <summary>A counter whose hour ended this long ago is dropped once it has been taken (it would only be found by a request that started back then).</summary>
    private static readonly TimeSpan KeepAfterHour = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(int ArticleId, long Hour), Tally> _tallies = new();

    /// <summary>Counts one read of <paramref name="articleId"/> now.</summary>
    public void Count(int articleId)
    {
        var ticks = time.GetUtcNow().UtcTicks;
        var tally = _tallies.GetOrAdd((articleId, ticks - (ticks % TicksPerHour)), static _ => new Tally());
        Interlocked.Increment(ref tally.Reads);
    }

    /// <summary>Reads counted and not yet taken.</summary>
    public long Pending => _tallies.Sum(t => Interlocked.Read(ref t.Value.Reads));

    /// <summary>
    /// Takes every read counted so far, leaving the counters at zero: reads counted meanwhile wait for the next take.
    /// Counters of hours long past are dropped.
    /// </summary>
    public IReadOnlyList<HourlyReads> Take()
    {
        var taken = new List<HourlyReads>();
        var oldest = (time.GetUtcNow().UtcDateTime - KeepAfterHour).Ticks - TicksPerHour;
        foreach (var (key, tally) in _tallies)
        {
            var reads = Interlocked.Exchange(ref tally.Reads, 0);
            if (key.Hour < oldest && _tallies.TryRemove(new KeyValuePair<(int, long), Tally>(key, tally)))
            {
                reads += Interlocked.Exchange(ref tally.Reads, 0);
            }

            Add(taken, key, reads);
        }

        return taken;
    }

    /// <summary>Puts back reads that were taken and could not be stored, for the next attempt.</summary>
    public void Return(IEnumerable<HourlyReads> reads)
    {
        foreach (var read in reads)
        {
            var tally = _tallies.GetOrAdd((read.ArticleId, read.Hour.Ticks), static _ => new Tally());
            Interlocked.Add(ref tally.Reads, read.Count);
        }
    }

    private static void Add(List<HourlyReads> taken, (int ArticleId, long Hour) key, long reads)
    {
        // A row holds an int: more reads than that in an hour go into further entries of the same hour.
        while (reads > 0)
        {
            var count = (int)Math.Min(reads, int.MaxValue);
            taken.Add(new HourlyReads(key.ArticleId, new DateTime(key.Hour, DateTimeKind.Utc), count));
            reads -= count;
        }
    }

    private sealed class Tally
    {
        public long Reads;
    }
}
