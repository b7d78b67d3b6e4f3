using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Controllers;

/// <summary>No response takes a name from the request's Host header: cached pages are the same bytes for everyone.</summary>
[Collection(ReaderSiteCollection.Name)]
public class HostHeaderTests(NewsPortalFactory factory)
{
    private const string Forged = "evil.example";

    [Theory]
    [InlineData("/en")]
    [InlineData("/en/feed")]
    [InlineData("/en/feed/atom")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/editor")]
    [InlineData("/")]
    public async Task AForgedHostNeverReachesAResponse(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Host = Forged;
        var response = await factory.CreateReader().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain(Forged, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(response.Headers.Concat(response.Content.Headers), h => h.Value.Any(v => v.Contains(Forged, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task AForgedHostOnAnArticlePageIsRefusedOrIgnored()
    {
        var path = await factory.QueryAsync(async db =>
        {
            var article = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                db.Articles.Where(a => a.Edition.Code == "en" && a.Status == NewsPortal.Web.Domain.ArticleStatus.Published));
            return $"/en/a/{article.Slug}/{article.Id}";
        });
        foreach (var url in new[] { path, path + "/lite", $"/en/a/stale-slug/{path.Split('/')[^1]}" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.Host = Forged;
            var response = await factory.CreateReader().SendAsync(request);

            Assert.DoesNotContain(Forged, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Forged, response.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
        }
    }
}
