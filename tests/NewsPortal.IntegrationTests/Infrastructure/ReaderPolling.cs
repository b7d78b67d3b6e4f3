using System.Diagnostics;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>What a reader sees after a change elsewhere: the page asked for again and again until it shows the change or the time is up.</summary>
public static class ReaderPolling
{
    /// <summary>Asks for <paramref name="url"/> every 50 ms until the page contains <paramref name="text"/> or <paramref name="within"/> has passed; fails saying how long it waited.</summary>
    public static async Task AssertShowsWithinAsync(HttpClient reader, Uri url, string text, TimeSpan within, string who)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var page = await reader.GetStringAsync(url);
            if (page.Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            if (clock.Elapsed >= within)
            {
                Assert.Fail($"{who} still served the old page {clock.ElapsedMilliseconds} ms after the change");
            }

            await Task.Delay(50);
        }
    }
}
