using System.Buffers;

namespace NewsPortal.Web.Features.Reading;

/// <summary>
/// User agents that announce a program rather than a person: search engine crawlers, link previewers, feed fetchers
/// and monitoring. Their requests are answered as any other but not counted as reads. A program that pretends to be
/// a browser is counted; this only keeps the obvious ones out of the most-read lists.
/// </summary>
public static class CrawlerUserAgents
{
    private static readonly SearchValues<string> Words = SearchValues.Create(
        ["bot", "crawl", "spider", "slurp", "facebookexternalhit", "embedly", "preview", "feedfetcher", "monitor", "lighthouse", "headless", "python-requests", "curl/", "wget/"],
        StringComparison.OrdinalIgnoreCase);

    public static bool IsCrawler(ReadOnlySpan<char> userAgent) => userAgent.ContainsAny(Words);
}
