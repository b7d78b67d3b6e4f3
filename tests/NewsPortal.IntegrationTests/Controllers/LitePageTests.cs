using System.Net;
using System.Text;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Controllers;

[Collection(ReaderSiteCollection.Name)]
public class LitePageTests(NewsPortalFactory factory)
{
    [Theory]
    [InlineData("en", "ltr")]
    [InlineData("ru", "ltr")]
    [InlineData("fa", "rtl")]
    public async Task TheTextOnlyPageIsUnder15KbWithNoPicturesStylesheetsOrScripts(string edition, string dir)
    {
        var url = await factory.BreakingArticleUrlAsync(edition) + "/lite";
        var response = await factory.CreateReader().GetAsync(new Uri(url, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Encoding.UTF8.GetString(bytes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(bytes.Length < 15 * 1024, $"{bytes.Length} bytes");
        Assert.Empty(document.QuerySelectorAll("img, picture, script, link[rel='stylesheet'], iframe"));
        PageAssertions.KeepsTheAccessibilityContract(document, edition, dir);
        Assert.NotEmpty(document.QuerySelectorAll("main blockquote"));
        Assert.NotEmpty(document.QuerySelectorAll("main time[datetime]"));
        Assert.Contains(document.QuerySelectorAll("main p"), p => p.Text().StartsWith(edition == "en" ? "With reporting by" : edition == "ru" ? "По материалам" : "با گزارش", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFullArticleLinksToItsTextOnlyVersionAndBack()
    {
        var url = await factory.BreakingArticleUrlAsync("en");
        var (_, full) = await factory.CreateReader().GetPageAsync(url);
        var (_, lite) = await factory.CreateReader().GetPageAsync(url + "/lite");

        Assert.Equal(url + "/lite", full.QuerySelector(".article__lite-link a")!.GetAttribute("href"));
        Assert.Contains(lite.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == url);
    }

    [Fact]
    public async Task TheInlineStyleIsAllowedOnlyByItsHashSoThePageIsTheSameForEveryone()
    {
        var url = await factory.BreakingArticleUrlAsync("en") + "/lite";
        var (response, document) = await factory.CreateReader().GetPageAsync(url);
        var style = document.QuerySelector("style")!;
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style.TextContent)));
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.False(style.HasAttribute("nonce"));
        Assert.Contains($"'sha256-{hash}'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("nonce-", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaleSlugOnTheTextOnlyPageAnswers301()
    {
        var url = await factory.BreakingArticleUrlAsync("en");
        var id = url[(url.LastIndexOf('/') + 1)..];
        var response = await factory.CreateReader().GetAsync(new Uri($"/en/a/old/{id}/lite", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(url + "/lite", response.Headers.Location?.OriginalString);
    }
}
