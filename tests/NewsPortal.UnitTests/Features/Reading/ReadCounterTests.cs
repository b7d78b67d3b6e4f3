using NewsPortal.Web.Features.Reading;

namespace NewsPortal.UnitTests.Features.Reading;

public class ReadCounterTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly DateTimeOffset TenPast = new(2026, 11, 29, 10, 10, 0, TimeSpan.Zero);

    [Fact]
    public void TakeReturnsTheReadsOfEachArticleInTheirHourAndStartsAgainFromZero()
    {
        var clock = new Clock(TenPast);
        var counter = new ReadCounter(clock);
        counter.Count(7);
        counter.Count(7);
        counter.Count(9);
        clock.Now = TenPast.AddHours(1);
        counter.Count(7);

        var taken = counter.Take().OrderBy(r => r.Hour).ThenBy(r => r.ArticleId).ToList();

        Assert.Equal(
            [new HourlyReads(7, new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc), 2), new HourlyReads(9, new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc), 1), new HourlyReads(7, new DateTime(2026, 11, 29, 11, 0, 0, DateTimeKind.Utc), 1)],
            taken);
        Assert.All(taken, r => Assert.Equal(DateTimeKind.Utc, r.Hour.Kind));
        Assert.Empty(counter.Take());
        Assert.Equal(0, counter.Pending);
    }

    [Fact]
    public void ReadsCountedFromManyThreadsAtOnceAreAllKept()
    {
        var counter = new ReadCounter(new Clock(TenPast));
        var taken = new System.Collections.Concurrent.ConcurrentBag<HourlyReads>();

        Parallel.For(0, 8, worker =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                counter.Count(i % 3);
                if (worker == 0 && i % 1000 == 0)
                {
                    foreach (var reads in counter.Take())
                    {
                        taken.Add(reads);
                    }
                }
            }
        });

        var all = taken.Concat(counter.Take()).ToList();
        Assert.Equal(80_000, all.Sum(r => r.Count));
        Assert.Equal(3, all.Select(r => r.ArticleId).Distinct().Count());
    }

    [Fact]
    public void ReadsThatCouldNotBeStoredAreReturnedForTheNextAttempt()
    {
        var counter = new ReadCounter(new Clock(TenPast));
        counter.Count(3);
        counter.Count(3);
        var failed = counter.Take();
        counter.Count(3);

        counter.Return(failed);

        var retried = Assert.Single(counter.Take());
        Assert.Equal(3, retried.Count);
        Assert.Equal(new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc), retried.Hour);
    }

    [Fact]
    public void CountersOfHoursLongPastAreDroppedOnceTaken()
    {
        var clock = new Clock(TenPast);
        var counter = new ReadCounter(clock);
        counter.Count(1);
        clock.Now = TenPast.AddHours(3);

        Assert.Equal(1, Assert.Single(counter.Take()).Count);
        counter.Count(1);
        Assert.Equal(new DateTime(2026, 11, 29, 13, 0, 0, DateTimeKind.Utc), Assert.Single(counter.Take()).Hour);
    }
}
