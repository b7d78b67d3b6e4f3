using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Controllers;

/// <summary>
/// Topics as readers meet them on the demo content: a tag page per edition and tag with its feeds, the tags listed on
/// the article and text-only pages, named in the JSON-LD, offered by search and listed in the sitemaps.
/// </summary>
[Collection(ReaderSiteCollection.Name)]
public class TagPagesTests(NewsPortalFactory factory)
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private Task<string> SlugAsync(string edition, string name) =>
        factory.QueryAsync(db => db.Tags.Where(t => t.Name == name && db.Editions.Any(e => e.Id == t.EditionId && e.Code == edition)).Select(t => t.Slug).SingleAsync());

    [Fact]
    public async Task ATagPageListsTheEditionsStoriesWithTheTagNewestFirstUnderItsName()
    {
        var (response, page) = await factory.CreateReader().GetPageAsync("/en/tag/floods");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Floods", Assert.Single(page.QuerySelectorAll("h1")).TextContent);
        var headlines = page.QuerySelectorAll(".story-card h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(2, headlines.Count);
        Assert.All(headlines, h => Assert.Contains("Selvan", h, StringComparison.Ordinal));
        Assert.StartsWith("Selvan river", headlines[0], StringComparison.Ordinal); // the report came after the coverage began
        Assert.StartsWith("Live:", headlines[1], StringComparison.Ordinal);
        Assert.Equal("http://localhost/en/tag/floods", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var feeds = page.Head!.QuerySelectorAll("link[rel=alternate]").Select(l => (l.GetAttribute("type"), l.GetAttribute("href"), l.GetAttribute("title"))).ToList();
        Assert.Contains(("application/rss+xml", "/en/tag/floods/feed", "Floods (RSS)"), feeds);
        Assert.Contains(("application/atom+xml", "/en/tag/floods/feed/atom", "Floods (Atom)"), feeds);
    }

    [Fact]
    public async Task APersianTagPageIsRightToLeftInItsLanguage()
    {
        var slug = await SlugAsync("fa", "سیل");
        var (response, page) = await factory.CreateReader().GetPageAsync($"/fa/tag/{Uri.EscapeDataString(slug)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fa", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("سیل", page.QuerySelector("main h1")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll(".story-card").Length);
    }

    [Theory]
    [InlineData("/en/tag/no-such-topic")]
    [InlineData("/en/tag/no-such-topic/feed")]
    [InlineData("/ru/tag/floods")] // English tags are not the Russian edition's
    [InlineData("/en/tag/floods?page=2")]
    public async Task AnUnknownTagOrAPagePastTheEndIs404(string url)
    {
        var response = await factory.CreateReader().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/en/tag/floods/feed")]
    [InlineData("/en/tag/floods/feed/atom")]
    public async Task TheTagFeedsCarryOnlyTheTagsStories(string url)
    {
        var response = await factory.CreateReader().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(reader);

        Assert.Equal(2, feed.Items.Count());
        Assert.All(feed.Items, i => Assert.Contains("Selvan", i.Title.Text, StringComparison.Ordinal));
        Assert.Contains("Floods", feed.Title.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheArticleAndItsTextOnlyPageLinkTheirTagsAndTheJsonLdNamesThemAsKeywords()
    {
        var url = await factory.ArticleUrlAsync("en", a => a.Headline.StartsWith("Selvan river", StringComparison.Ordinal));
        var client = factory.CreateReader();

        var (_, page) = await client.GetPageAsync(url);
        var links = page.QuerySelectorAll("section.article__tags a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("Floods", "/en/tag/floods"), ("Selvan river", "/en/tag/selvan-river"), ("Marisk", "/en/tag/marisk"), ("Evacuations", "/en/tag/evacuations")], links);
        Assert.Equal("tags-heading", page.QuerySelector("section.article__tags")!.GetAttribute("aria-labelledby"));
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal(["Floods", "Selvan river", "Marisk", "Evacuations"], json.RootElement.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));

        var (_, lite) = await client.GetPageAsync(url + "/lite");
        Assert.Contains(lite.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/en/tag/floods" && a.TextContent == "Floods");
    }

    [Fact]
    public async Task TheSitemapsListTheTagPagesOfEveryEdition()
    {
        var client = factory.CreateReader();
        var index = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        var files = index.Root!.Elements(Sitemap + "sitemap").Select(s => s.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Contains("http://localhost/sitemaps/en/tags.xml", files);
        Assert.Contains("http://localhost/sitemaps/fa/tags.xml", files);

        var tags = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemaps/en/tags.xml", UriKind.Relative)));
        var urls = tags.Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Contains("http://localhost/en/tag/floods", urls);
        Assert.All(tags.Root.Elements(Sitemap + "url"), u => Assert.NotNull(u.Element(Sitemap + "lastmod")));
        var flood = "http://localhost/fa/tag/" + Uri.EscapeDataString(await SlugAsync("fa", "سیل"));
        var persian = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemaps/fa/tags.xml", UriKind.Relative)));
        Assert.Contains(flood, persian.Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value));
    }

    [Theory]
    [InlineData("en", "flood", "Floods")]
    [InlineData("en", "SELVAN", "Selvan river")]
    [InlineData("ru", "наводн", "Наводнения")]
    [InlineData("fa", "سیل", "سیل")]
    public async Task SearchListsTheMatchingTagsAboveTheStories(string edition, string query, string tag)
    {
        var (response, page) = await factory.CreateReader().GetPageAsync($"/{edition}/search?q={Uri.EscapeDataString(query)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var section = page.QuerySelector("section.search-tags")!;
        Assert.Contains(section.QuerySelectorAll("a"), a => a.TextContent == tag && a.GetAttribute("href")!.StartsWith($"/{edition}/tag/", StringComparison.Ordinal));
        Assert.True(section.CompareDocumentPosition(page.QuerySelector(".search-results")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
    }

    [Fact]
    public async Task ASearchMatchingNoTagListsNone()
    {
        var (_, page) = await factory.CreateReader().GetPageAsync("/en/search?q=comet");
        Assert.Null(page.QuerySelector("section.search-tags"));
    }
}
