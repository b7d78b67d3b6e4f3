using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Controllers;

[Collection(ReaderSiteCollection.Name)]
public class FrontPageTests(NewsPortalFactory factory)
{
    [Fact]
    public async Task RootRedirectsToTheDefaultEdition()
    {
        var response = await factory.CreateReader().GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/en", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("en", "ltr")]
    [InlineData("ru", "ltr")]
    [InlineData("uk", "ltr")]
    [InlineData("fa", "rtl")]
    public async Task EveryEditionKeepsTheAccessibilityContract(string edition, string dir)
    {
        var (response, document) = await factory.CreateReader().GetPageAsync($"/{edition}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PageAssertions.KeepsTheAccessibilityContract(document, edition, dir);
    }

    [Fact]
    public async Task ShowsTheBreakingBannerTopStoriesLatestAndSections()
    {
        var (_, document) = await factory.CreateReader().GetPageAsync("/en");
        var breakingUrl = await factory.BreakingArticleUrlAsync("en");

        var banner = document.QuerySelector("section.breaking-banner");
        Assert.NotNull(banner);
        Assert.Equal("Breaking News", document.GetElementById(banner.GetAttribute("aria-labelledby")!).Text());
        Assert.Equal(breakingUrl, banner.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(banner.GetAttribute("aria-live"));

        Assert.Equal(3, document.QuerySelectorAll(".top-stories .story-card").Length);
        Assert.NotEmpty(document.QuerySelectorAll(".latest .story-card"));
        Assert.Equal(["World", "Business", "Science", "Culture"], document.QuerySelectorAll("#main-navigation a").Select(a => a.Text()));
    }

    [Fact]
    public async Task TheLanguageSwitcherListsEveryEditionInItsOwnLanguage()
    {
        var (_, document) = await factory.CreateReader().GetPageAsync("/fa");
        var links = document.QuerySelectorAll("nav.language-navigation a");

        Assert.Equal(["en", "ru", "uk", "fa"], links.Select(a => a.GetAttribute("lang")));
        Assert.Equal("فارسی", links.Single(a => a.GetAttribute("aria-current") == "true").Text());
        Assert.NotEqual(document.QuerySelector("#main-navigation")!.GetAttribute("aria-label"), document.QuerySelector("nav.language-navigation")!.GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData("en", "NewsPortal journalists report the news in 4 languages in 10 countries.")]
    [InlineData("ru", "на 4 языках в 10 странах")]
    public async Task TheFooterCountsLanguagesAndCountriesFromTheEditions(string edition, string expected)
    {
        var (_, document) = await factory.CreateReader().GetPageAsync($"/{edition}");
        Assert.Contains(expected, document.QuerySelector("footer .about-blurb").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSecondPageContinuesTheLatestList()
    {
        var (first, firstDocument) = await factory.CreateReader().GetPageAsync("/en?page=1");
        var (second, secondDocument) = await factory.CreateReader().GetPageAsync("/en?page=2");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // Eight English stories: three on top, five latest on page 1 (page size 10), nothing on page 2.
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Empty(secondDocument.QuerySelectorAll(".story-card"));
        Assert.Equal(5, firstDocument.QuerySelectorAll(".latest .story-card").Length);
    }

    [Theory]
    [InlineData("/en?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/en?page=-1", HttpStatusCode.BadRequest)]
    [InlineData("/en?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("/en?page=99999999999", HttpStatusCode.BadRequest)]
    [InlineData("/en?page=1001", HttpStatusCode.BadRequest)]
    [InlineData("/en?page=999", HttpStatusCode.NotFound)]
    [InlineData("/xx", HttpStatusCode.NotFound)]
    [InlineData("/zz-zz", HttpStatusCode.NotFound)]
    public async Task BadPageNumbersAndUnknownEditionsAreClientErrors(string url, HttpStatusCode expected)
    {
        var (response, document) = await factory.CreateReader().GetPageAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.Single(document.QuerySelectorAll("h1"));
    }

    [Fact]
    public async Task ABadPageNumberIsExplainedInTheEditionsLanguage()
    {
        var (response, document) = await factory.CreateReader().GetPageAsync("/ru?page=-1");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ru", document.DocumentElement.GetAttribute("lang"));
        Assert.DoesNotContain("page", document.QuerySelector("main").Text(), StringComparison.OrdinalIgnoreCase);
    }
}
