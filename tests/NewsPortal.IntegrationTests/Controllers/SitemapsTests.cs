using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Controllers;

[Collection(ReaderSiteCollection.Name)]
public class SitemapsTests(NewsPortalFactory factory)
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    [Fact]
    public async Task TheIndexListsAnArticleAndANewsSitemapPerEdition()
    {
        var index = await LoadAsync(factory.CreateReader(), "/sitemap.xml");
        var locations = index.Root!.Elements(Sitemap + "sitemap").Select(s => s.Element(Sitemap + "loc")!.Value).ToList();

        Assert.Equal(Sitemap + "sitemapindex", index.Root.Name);
        foreach (var edition in new[] { "en", "ru", "uk", "fa" })
        {
            Assert.Contains($"http://localhost/sitemaps/{edition}/articles-1.xml", locations);
            Assert.Contains($"http://localhost/sitemaps/{edition}/news.xml", locations);
        }
    }

    [Fact]
    public async Task EveryAlternateInTheSitemapsPointsBack()
    {
        var client = factory.CreateReader();
        var alternates = new Dictionary<string, HashSet<string>>();
        foreach (var edition in new[] { "en", "ru", "uk", "fa" })
        {
            var set = await LoadAsync(client, $"/sitemaps/{edition}/articles-1.xml");
            Assert.Equal(Sitemap + "urlset", set.Root!.Name);
            foreach (var url in set.Root.Elements(Sitemap + "url"))
            {
                var loc = url.Element(Sitemap + "loc")!.Value;
                Assert.NotNull(url.Element(Sitemap + "lastmod"));
                var links = url.Elements(Xhtml + "link").Where(l => l.Attribute("hreflang")!.Value != "x-default").Select(l => l.Attribute("href")!.Value).ToHashSet();
                if (links.Count > 0)
                {
                    Assert.Contains(loc, links);
                }

                alternates[loc] = links;
            }
        }

        var translated = alternates.Where(a => a.Value.Count > 1).ToList();
        Assert.True(translated.Count >= 8, $"{translated.Count} translated URLs");
        foreach (var (loc, links) in translated)
        {
            foreach (var other in links)
            {
                Assert.True(alternates.TryGetValue(other, out var back) && back.Contains(loc), $"{other} does not point back to {loc}");
            }
        }
    }

    [Fact]
    public async Task TheNewsSitemapHasOnlyTheLast48Hours()
    {
        var news = await LoadAsync(factory.CreateReader(), "/sitemaps/en/news.xml");
        var dates = news.Root!.Elements(Sitemap + "url").Select(u => DateTime.Parse(u.Element(News + "news")!.Element(News + "publication_date")!.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal)).ToList();

        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.True(d >= DateTime.UtcNow.AddHours(-48.1)));
        Assert.Equal("en", news.Root.Descendants(News + "language").First().Value);
    }

    [Fact]
    public async Task ArticleSitemapsSplitWhenThereAreMoreUrlsThanAFileTakes()
    {
        await using var small = factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) =>
            c.AddInMemoryCollection(new Dictionary<string, string?> { ["Site:SitemapUrlsPerFile"] = "3" })));
        var client = small.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var index = await LoadAsync(client, "/sitemap.xml");
        var enFiles = index.Root!.Elements(Sitemap + "sitemap").Select(s => s.Element(Sitemap + "loc")!.Value).Where(l => l.Contains("/en/articles-", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, enFiles.Count); // eight English stories (the live coverage among them), three per file
        var counts = new List<int>();
        foreach (var file in enFiles)
        {
            counts.Add((await LoadAsync(client, new Uri(file).PathAndQuery)).Root!.Elements(Sitemap + "url").Count());
        }

        Assert.Equal([3, 3, 2], counts);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/sitemaps/en/articles-4.xml", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task RobotsTxtPointsToTheSitemap()
    {
        var robots = await factory.CreateReader().GetStringAsync(new Uri("/robots.txt", UriKind.Relative));
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Contains("User-agent: *", robots, StringComparison.Ordinal);
    }

    private static async Task<XDocument> LoadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
