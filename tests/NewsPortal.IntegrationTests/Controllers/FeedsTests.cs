using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Controllers;

[Collection(ReaderSiteCollection.Name)]
public class FeedsTests(NewsPortalFactory factory)
{
    [Theory]
    [InlineData("/en/feed", "application/rss+xml")]
    [InlineData("/en/feed/atom", "application/atom+xml")]
    [InlineData("/fa/feed", "application/rss+xml")]
    [InlineData("/fa/feed/atom", "application/atom+xml")]
    public async Task AnEditionFeedParsesBackWithItsStoriesInItsLanguage(string url, string contentType)
    {
        var (response, feed) = await LoadAsync(url);
        var edition = url.Split('/')[1];

        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(edition, feed.Language);
        Assert.True(feed.Items.Count() >= 4);
        Assert.All(feed.Items, item =>
        {
            Assert.StartsWith($"http://localhost/{edition}/a/", item.Links.First().Uri.AbsoluteUri, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(item.Title.Text));
        });
    }

    [Theory]
    [InlineData("/en/feed")]
    [InlineData("/en/feed/atom")]
    public async Task EntriesCarryTheFullSanitizedBodyAndTheCreditLine(string url)
    {
        var (_, feed) = await LoadAsync(url);
        var flood = feed.Items.First(i => i.Title.Text.Contains("Selvan", StringComparison.Ordinal));
        var content = url.EndsWith("atom", StringComparison.Ordinal) ? ((TextSyndicationContent)flood.Content).Text : flood.Summary.Text;

        Assert.Contains("<blockquote>", content, StringComparison.Ordinal);
        Assert.Contains("With reporting by AP and AFP", content, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", content, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheAtomFeedDeclaresItsLanguageWithXmlLang()
    {
        var xml = XDocument.Parse(await factory.CreateReader().GetStringAsync(new Uri("/fa/feed/atom", UriKind.Relative)));
        Assert.Equal("fa", xml.Root!.Attribute(XNamespace.Xml + "lang")?.Value);
    }

    [Theory]
    [InlineData("/en/s/science/feed", "Kestrel Peak")]
    [InlineData("/en/source/tass/feed/atom", "Lenhaven")]
    public async Task SectionAndSourceFeedsCarryOnlyTheirStories(string url, string expected)
    {
        var (_, feed) = await LoadAsync(url);
        Assert.NotEmpty(feed.Items);
        Assert.Contains(feed.Items, i => i.Title.Text.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(feed.Items, i => i.Title.Text.Contains("marathon", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TheCorrectionsFeedCarriesTheDatedCorrectionWithALinkToTheStory()
    {
        var (response, feed) = await LoadAsync("/en/corrections/feed");
        var correction = Assert.Single(feed.Items);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("en", feed.Language);
        Assert.StartsWith("Correction: ", correction.Title.Text, StringComparison.Ordinal);
        Assert.Contains("The correct figure is 22", ((TextSyndicationContent)correction.Summary).Text, StringComparison.Ordinal);
        Assert.EndsWith("#corrections-heading", correction.Links[0].Uri.AbsoluteUri, StringComparison.Ordinal);

        var article = await factory.CreateReader().GetPageAsync(correction.Links[0].Uri.AbsolutePath);
        Assert.Contains("The correct figure is 22", article.Document.QuerySelector(".article__corrections").Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/en/feed")]
    [InlineData("/fa/s/jahan/feed")]
    [InlineData("/en/corrections/feed")]
    public async Task RssDatesAreRfc822WithGmtNotABareZ(string url)
    {
        var xml = XDocument.Parse(await factory.CreateReader().GetStringAsync(new Uri(url, UriKind.Relative)));
        var dates = xml.Descendants("pubDate").Concat(xml.Descendants("lastBuildDate")).Select(d => d.Value).ToList();

        Assert.NotEmpty(xml.Descendants("pubDate"));
        Assert.Single(xml.Descendants("lastBuildDate"));
        Assert.All(dates, date => Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$", date));
        Assert.All(xml.Descendants("item"), item => Assert.Single(item.Elements("pubDate")));
    }

    [Fact]
    public async Task AConditionalGetWithTheETagAnswers304()
    {
        var client = factory.CreateReader();
        var first = await client.GetAsync(new Uri("/en/feed", UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.NotNull(first.Content.Headers.LastModified);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/en/feed");
        conditional.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/en/feed");
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/en/feed");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task TheCorrectionsPageListsEachCorrectionWithItsStory()
    {
        var (response, document) = await factory.CreateReader().GetPageAsync("/en/corrections");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PageAssertions.KeepsTheAccessibilityContract(document, "en", "ltr");
        var item = Assert.Single(document.QuerySelectorAll(".corrections-list li"));
        Assert.Contains("The correct figure is 22", item.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("/en/a/", item.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);

        var (_, persian) = await factory.CreateReader().GetPageAsync("/fa/corrections");
        Assert.Empty(persian.QuerySelectorAll(".corrections-list li"));
        Assert.Equal("fa", persian.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/en/feed/json")]
    [InlineData("/en/s/nowhere/feed")]
    [InlineData("/en/source/nobody/feed")]
    [InlineData("/xx/feed")]
    public async Task UnknownFeedsAre404(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateReader().GetAsync(new Uri(url, UriKind.Relative))).StatusCode);

    [Fact]
    public async Task PagesAdvertiseTheirFeeds()
    {
        var (_, document) = await factory.CreateReader().GetPageAsync("/en/s/world");
        var feeds = document.QuerySelectorAll("link[rel='alternate'][type]").Select(l => l.GetAttribute("href")).ToList();
        Assert.Contains("/en/feed", feeds);
        Assert.Contains("/en/s/world/feed/atom", feeds);
    }

    private async Task<(HttpResponseMessage Response, SyndicationFeed Feed)> LoadAsync(string url)
    {
        var response = await factory.CreateReader().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return (response, SyndicationFeed.Load(reader));
    }
}
