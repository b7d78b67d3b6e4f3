using System.Globalization;

namespace NewsPortal.Web.Features.Mirror;

/// <summary>
/// Where each page of the site lives in the static copy, and the relative link from one file to another. Every HTML
/// page is a file named explicitly (<c>en/a/slug/12/index.html</c>, <c>en/page-2.html</c>), so links work opened from
/// <c>file://</c> (which shows no folder's index) and under any base path; the edition's and sections' feeds are
/// <c>…/feed/rss.xml</c> and <c>…/feed/atom.xml</c>; sitemaps, the stylesheet, the icon and pictures keep their names. A path that is not part
/// of a copy (search, the editor area, the newest-updates fragment, error pages, health checks, <c>/</c> itself, which
/// the copy replaces with a real page) has no file: links to it are taken out.
/// </summary>
public static class MirrorPaths
{
    public const string RootFile = "index.html";

    /// <summary>
    /// The copy's file for a site path (percent-encoded, as links carry it) and a page number, or null when the
    /// path is not part of a copy of <paramref name="editions"/>.
    /// </summary>
    public static string? FileFor(string path, int page, IReadOnlySet<string> editions)
    {
        if (path.Length < 2 || path[0] != '/' || path.Contains("//", StringComparison.Ordinal) || page < 1)
        {
            return null;
        }

        var segments = path[1..].TrimEnd('/').Split('/');
        // Checked decoded: "%2E%2E" or "%2F" must not take a file out of its folder or out of the copy.
        if (segments.Select(Uri.UnescapeDataString).Any(s => s.Length == 0 || s is "." or ".." || s.IndexOfAny(['/', '\\', '\0']) >= 0))
        {
            return null;
        }

        switch (segments[0])
        {
            case "sitemap.xml" when segments.Length == 1:
                return "sitemap.xml";
            case "sitemaps" when segments.Length == 3 && editions.Contains(segments[1]) && segments[2].EndsWith(".xml", StringComparison.Ordinal):
            case "css" when segments.Length == 2 && segments[1].EndsWith(".css", StringComparison.Ordinal):
            case "favicon.svg" when segments.Length == 1:
            case "media" when segments.Length >= 2:
                return page == 1 ? Decoded(segments) : null;
        }

        if (!editions.Contains(segments[0]))
        {
            return null;
        }

        var rest = segments.AsSpan(1);
        if (rest.Length >= 1 && rest[^1] == "feed" && HasMirroredFeed(rest[..^1]))
        {
            return page == 1 ? Decoded(segments) + "/rss.xml" : null;
        }

        if (rest.Length >= 2 && rest[^2] == "feed" && rest[^1] is "atom" or "rss" && HasMirroredFeed(rest[..^2]))
        {
            return page == 1 ? Decoded(segments[..^1]) + (rest[^1] == "atom" ? "/atom.xml" : "/rss.xml") : null;
        }

        if (!IsListOrArticle(rest) && !IsArticleView(rest))
        {
            return null;
        }

        var folder = Decoded(segments);
        return page == 1 ? folder + "/index.html" : string.Create(CultureInfo.InvariantCulture, $"{folder}/page-{page}.html");
    }

    /// <summary>The link from the file <paramref name="from"/> to the file <paramref name="to"/> (both copy-relative), percent-encoded.</summary>
    public static string Relative(string from, string to)
    {
        var fromFolder = from.Split('/')[..^1];
        var target = to.Split('/');
        var common = 0;
        while (common < fromFolder.Length && common < target.Length - 1 && fromFolder[common] == target[common])
        {
            common++;
        }

        var parts = Enumerable.Repeat("..", fromFolder.Length - common).Concat(target[common..].Select(Uri.EscapeDataString));
        return string.Join('/', parts);
    }

    /// <summary>The front page, a section, source, author, tag or corrections list, or an article (what has feeds and pages).</summary>
    private static bool IsListOrArticle(ReadOnlySpan<string> rest) => rest switch
    {
        [] => true,
        ["corrections"] => true,
        ["s" or "source" or "author" or "tag", _] => true,
        ["a", _, var id] => IsId(id),
        _ => false,
    };

    /// <summary>
    /// The feeds a copy holds: the edition's and its sections' (what feed readers and circumvention apps subscribe
    /// to). Feeds carry whole stories, so a feed per author, tag and source would make most of a copy's weight.
    /// </summary>
    private static bool HasMirroredFeed(ReadOnlySpan<string> rest) => rest is [] or ["s", _];

    /// <summary>An article's text-only page, and live coverage's pages of updates (full and text-only).</summary>
    private static bool IsArticleView(ReadOnlySpan<string> rest) => rest switch
    {
        ["a", _, var id, "lite"] => IsId(id),
        ["a", _, var id, "updates", var update] => IsId(id) && IsId(update),
        ["a", _, var id, "updates", var update, "lite"] => IsId(id) && IsId(update),
        _ => false,
    };

    private static bool IsId(string value) => value.Length is > 0 and < 20 && value.All(char.IsAsciiDigit) && value[0] != '0';

    private static string Decoded(IEnumerable<string> segments) => string.Join('/', segments.Select(Uri.UnescapeDataString));
}
