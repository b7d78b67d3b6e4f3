using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Controllers;

/// <summary>Bad input gets a clear 4xx page, never a 500.</summary>
[Collection(ReaderSiteCollection.Name)]
public class MalformedRequestsTests(NewsPortalFactory factory)
{
    private static readonly string[] Urls =
    [
        "/en/a/slug/abc",
        "/en/a/slug/0",
        "/en/a/slug/-1",
        "/en/a/slug/99999999999999999999",
        "/en/a/slug/1.5",
        "/en/a/slug/1e3",
        "/en/a//1",
        "/en/a/slug",
        "/en/a/%2e%2e%2f%2e%2e%2fetc%2fpasswd/1",
        "/en/a/" + new string('x', 3000) + "/1",
        "/EN/a/slug/999999",
        "/en-/",
        "/e/",
        "/123/",
        "/en/s/%3Cscript%3E",
        "/en/s/" + new string('x', 500),
        "/en/source/%27%20OR%201%3D1--",
        "/en/source/" + new string('a', 200),
        "/en?page=%00",
        "/en?page=2147483648",
        "/en/s/world?page=-5",
        "/en/source/ap?page=0",
        "/en/tag/%27%20OR%201%3D1--",
        "/en/tag/" + new string('x', 500),
        "/en/tag/floods?page=-1",
        "/en/tag/floods/feed/xml",
        "/sitemaps/en/tags.xml/x",
        "/en/search?q=x&page=0",
        "/en?" + new string('q', 5000),
        "/fa/a/%D9%85/abc",
        "/no/such/path/at/all",
        "/error/999",
    ];

    public static TheoryData<string> MalformedUrls => new(Urls);

    [Theory]
    [MemberData(nameof(MalformedUrls))]
    public async Task AnswersAClientErrorOrARedirectNeverAServerError(string url)
    {
        var response = await factory.CreateReader().GetAsync(new Uri(url, UriKind.Relative));
        var status = (int)response.StatusCode;

        Assert.True(status is >= 400 and < 500 or 301 or 302, $"{url} answered {status}");
    }

    [Fact]
    public async Task AnOverLongQueryStringIsA400WithAnExplanation()
    {
        var (response, document) = await factory.CreateReader().GetPageAsync("/en?" + new string('q', 5000));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The address is too long.", document.QuerySelector("main p").Text());
    }

    [Fact]
    public async Task NoServerErrorWasLoggedDuringTheSweep()
    {
        foreach (var url in Urls)
        {
            await factory.CreateReader().GetAsync(new Uri(url, UriKind.Relative));
        }

        Assert.DoesNotContain(factory.Logs.Entries, e => e.StartsWith("Error", StringComparison.Ordinal) || e.StartsWith("Critical", StringComparison.Ordinal));
    }
}
