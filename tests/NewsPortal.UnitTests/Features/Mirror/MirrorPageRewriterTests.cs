using NewsPortal.Web.Features.Mirror;

namespace NewsPortal.UnitTests.Features.Mirror;

public class MirrorPageRewriterTests
{
    private static readonly MirrorPageRewriter Rewriter = new(new Uri("https://news.example.org/"), new HashSet<string> { "en", "fa" }, 640);

    private readonly List<MirrorTarget> _included = [];

    [Fact]
    public void RewriteHtml_MakesSiteLinksRelativeAndKeepsTheCanonicalOnTheMainSite()
    {
        var html = Rewrite("""
            <html><head><link rel="canonical" href="https://news.example.org/en/a/flood/12"><link rel="stylesheet" href="/css/site.abc.css">
            <link rel="alternate" hreflang="fa" href="https://news.example.org/fa/a/sil/13"></head>
            <body><a href="/en?page=2">Older</a> <a href="/en/s/world#top">World</a> <a href="#main">Skip</a></body></html>
            """);

        Assert.Contains("""<link rel="canonical" href="https://news.example.org/en/a/flood/12">""", html, StringComparison.Ordinal);
        Assert.Contains("""href="../../../../css/site.abc.css" """.Trim(), html, StringComparison.Ordinal);
        Assert.Contains("""hreflang="fa" href="../../../../fa/a/sil/13/index.html" """.Trim(), html, StringComparison.Ordinal);
        Assert.Contains("""<a href="../../../page-2.html">Older</a>""", html, StringComparison.Ordinal);
        Assert.Contains("""<a href="../../../s/world/index.html#top">World</a>""", html, StringComparison.Ordinal);
        Assert.Contains("""<a href="#main">Skip</a>""", html, StringComparison.Ordinal);
        Assert.Contains("""<meta name="robots" content="noindex, follow">""", html, StringComparison.Ordinal);
        Assert.Contains(_included, t => t.File == "en/page-2.html" && t.Path == "/en" && t.Page == 2);
    }

    [Fact]
    public void RewriteHtml_TakesOutWhatWouldLeaveTheCopyAndKeepsTheWordsOfLinksItCannotHold()
    {
        var html = Rewrite("""
            <html><head><script src="/js/live-updates.js"></script><script type="application/ld+json">{"url":"https://news.example.org/en"}</script>
            <meta property="og:image" content="https://news.example.org/media/x.jpg"><link rel="preconnect" href="https://fonts.example.com"></head>
            <body><form action="/en/search"><input name="q"></form><a href="/en/search?q=flood">Search <b>floods</b></a>
            <a href="https://www.fao.org/">FAO</a><img src="https://tracker.example.com/p.gif" alt=""><iframe src="https://video.example.com/1"></iframe>
            <a href="/editor/articles/12">Edit</a><p style="background: url(https://cdn.example.com/x.png)">Text</p></body></html>
            """);

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("og:image", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        Assert.DoesNotContain("fonts.example.com", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tracker.example.com", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.example.com", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/en/search", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/editor", html, StringComparison.Ordinal);
        Assert.Contains("Search <b>floods</b>", html, StringComparison.Ordinal);
        Assert.Contains("Edit", html, StringComparison.Ordinal);
        Assert.Contains("""<a href="https://www.fao.org/">FAO</a>""", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RewriteHtml_KeepsOnlyTheSmallerRenditionsOfAPicture()
    {
        var html = Rewrite("""
            <html><body><img src="/media/a-1280.webp" srcset="/media/a-320.webp 320w, /media/a-640.webp 640w, /media/a-1280.webp 1280w" alt="Flooded street"></body></html>
            """);

        Assert.Contains("""src="../../../../media/a-640.webp" """.Trim(), html, StringComparison.Ordinal);
        Assert.Contains("""srcset="../../../../media/a-320.webp 320w, ../../../../media/a-640.webp 640w" """.Trim(), html, StringComparison.Ordinal);
        Assert.DoesNotContain("a-1280", html, StringComparison.Ordinal);
        Assert.DoesNotContain(_included, t => t.File.Contains("1280", StringComparison.Ordinal));
    }

    [Fact]
    public void RewriteHtml_LinksToAnEditionOutsideTheCopyKeepOnlyTheirWords()
    {
        var html = Rewrite("""<html><body><a href="/ru" hreflang="ru">Русский</a></body></html>""");
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.Contains("Русский", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RewriteXml_MakesFeedAddressesRelativeToTheFeedIncludingTheEntriesHtml()
    {
        var xml = Rewriter.RewriteXml("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><link>https://news.example.org/en</link><item><guid>https://news.example.org/en/a/flood/12</guid>
            <link>https://news.example.org/en/a/flood/12</link><description>&lt;p&gt;&lt;a href="https://news.example.org/en/tag/floods"&gt;Floods&lt;/a&gt; &lt;img src="https://news.example.org/media/a-320.webp" alt="x"&gt;&lt;/p&gt;</description></item></channel></rss>
            """, "/en/feed", "en/feed/rss.xml", Include);

        Assert.Contains("<link>../index.html</link>", xml, StringComparison.Ordinal);
        Assert.Contains("<link>../a/flood/12/index.html</link>", xml, StringComparison.Ordinal);
        Assert.Contains("""isPermaLink="false" """.Trim(), xml, StringComparison.Ordinal);
        Assert.Contains("../tag/floods/index.html", xml, StringComparison.Ordinal);
        Assert.Contains("../../media/a-320.webp", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"https://news.example.org", xml, StringComparison.Ordinal);
    }

    private string Rewrite(string html) => Rewriter.RewriteHtml(html, "/en/a/flood/12", "en/a/flood/12/index.html", Include);

    private bool Include(MirrorTarget target)
    {
        _included.Add(target);
        return true;
    }
}
