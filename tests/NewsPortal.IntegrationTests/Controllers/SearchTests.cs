using System.Net;
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
    public async Task AHugeQueryIsRefusedWithAMessage()
    {
        var (response, document) = await factory.CreateReader().GetPageAsync($"/en/search?q={new string('a', 500)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("too long", document.QuerySelector(".search-problem").Text(), StringComparison.Ordinal);
    }
}
