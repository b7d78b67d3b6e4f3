using System.Net;
using Microsoft.Extensions.Configuration;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Controllers;

[Collection(ReaderSiteCollection.Name)]
public class SearchTests(NewsPortalFactory factory)
{
    [Theory]
    [InlineData("en", "Marisk")]
    [InlineData("en", "marisk")]
    [InlineData("en", "evacuat*")]
    [InlineData("ru", "Мариск*")]
    [InlineData("uk", "Маріск*")]
    [InlineData("fa", "سلوان")]
    [InlineData("en", "Marísk")]
    [InlineData("en", "MARISK")]
    public async Task FindsTheFloodStoryInEachScript(string edition, string query)
    {
        var (response, document) = await factory.CreateReader().GetPageAsync($"/{edition}/search?q={Uri.EscapeDataString(query)}");
        var breaking = await factory.BreakingArticleUrlAsync(edition);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(document.QuerySelectorAll(".search-results a"), a => a.GetAttribute("href") == breaking);
        Assert.NotEmpty(document.QuerySelectorAll(".search-results mark"));
    }

    [Fact]
    public async Task SearchesOnlyTheRequestedEdition()
    {
        var (_, document) = await factory.CreateReader().GetPageAsync("/en/search?q=" + Uri.EscapeDataString("Мариск"));
        Assert.Empty(document.QuerySelectorAll(".search-results li"));
        Assert.Contains("No stories match", document.QuerySelector("main").Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("NEAR(")]
    [InlineData("flood -")]
    [InlineData("((flood")]
    [InlineData("*")]
    [InlineData("\"unbalanced")]
    [InlineData("a OR")]
    [InlineData("Headline:flood")]
    [InlineData("'; DROP TABLE Articles; --")]
    [InlineData("")]
    public async Task QueriesThatBreakFts5SyntaxAreEscapedNotFailed(string query)
    {
        var (response, document) = await factory.CreateReader().GetPageAsync($"/en/search?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(document.QuerySelectorAll("h1"));
    }

    [Fact]
    public async Task APhraseMatchesOnlyWordsInThatOrder()
    {
        var (_, inOrder) = await factory.CreateReader().GetPageAsync("/en/search?q=" + Uri.EscapeDataString("\"Selvan river\""));
        var (_, reversed) = await factory.CreateReader().GetPageAsync("/en/search?q=" + Uri.EscapeDataString("\"river Selvan\""));
        Assert.NotEmpty(inOrder.QuerySelectorAll(".search-results li"));
        Assert.True(reversed.QuerySelectorAll(".search-results li").Length < inOrder.QuerySelectorAll(".search-results li").Length);
    }

    [Fact]
    public async Task ResultsAreRankedWithHeadlineMatchesFirst()
    {
        var (_, document) = await factory.CreateReader().GetPageAsync("/en/search?q=comet");
        Assert.Contains("comet", document.QuerySelector(".search-results h2").Text(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SearchIsRateLimitedPerClientWithALocalizedPage()
    {
        await using var limited = factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) =>
            c.AddInMemoryCollection(new Dictionary<string, string?> { ["Site:SearchesPerMinute"] = "2" })));
        var client = limited.CreateClient();

        // Different searches: an answer already in the cache costs the database nothing and is not counted.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/ru/search?q=test{i}", UriKind.Relative))).StatusCode);
        }

        var (response, document) = await client.GetPageAsync("/ru/search?q=test3");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("ru", document.DocumentElement.GetAttribute("lang"));
        Assert.True(response.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task AHugeQueryIsRefusedWithAMessage()
    {
        var (response, document) = await factory.CreateReader().GetPageAsync($"/en/search?q={new string('a', 500)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("too long", document.QuerySelector(".search-problem").Text(), StringComparison.Ordinal);
    }
}
