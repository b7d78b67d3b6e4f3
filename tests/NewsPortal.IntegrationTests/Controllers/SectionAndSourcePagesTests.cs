using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Controllers;

[Collection(ReaderSiteCollection.Name)]
public class SectionAndSourcePagesTests(NewsPortalFactory factory)
{
    [Theory]
    [InlineData("/en/s/world", "en", "ltr", "World")]
    [InlineData("/fa/s/farhang", "fa", "rtl", "فرهنگ")]
    public async Task ASectionListsItsStories(string url, string lang, string dir, string heading)
    {
        var (response, document) = await factory.CreateReader().GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PageAssertions.KeepsTheAccessibilityContract(document, lang, dir);
        Assert.Equal(heading, document.QuerySelector("h1").Text());
        Assert.NotEmpty(document.QuerySelectorAll(".story-card"));
        Assert.Equal("page", document.QuerySelector($"#main-navigation a[href='{url}']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task ASourcePageSaysWhatKindOfSourceItIsAndListsItsStories()
    {
        var (response, document) = await factory.CreateReader().GetPageAsync("/en/source/tass");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PageAssertions.KeepsTheAccessibilityContract(document, "en", "ltr");
        Assert.Contains("TASS", document.QuerySelector("h1").Text(), StringComparison.Ordinal);
        Assert.Contains("state-controlled media", document.QuerySelector(".source-profile").Text(), StringComparison.Ordinal);
        Assert.NotEmpty(document.QuerySelectorAll(".story-card"));
    }

    [Fact]
    public async Task ASourcePageUsesTheEditionsNameForTheSource()
    {
        var (_, document) = await factory.CreateReader().GetPageAsync("/ru/source/tass");
        Assert.Contains("ТАСС", document.QuerySelector("h1").Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/en/s/no-such-section")]
    [InlineData("/en/s/mir")]
    [InlineData("/en/source/no-such-agency")]
    [InlineData("/fa/source/" + "x")]
    public async Task UnknownSectionsAndSourcesAre404(string url)
    {
        var response = await factory.CreateReader().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
