using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Controllers;

/// <summary>Addresses that lead nowhere get the reader's 404 (or 405 for a wrong verb), not the editor's sign-in page.</summary>
[Collection(ReaderSiteCollection.Name)]
public class UnknownUrlTests(NewsPortalFactory factory)
{
    [Theory]
    [InlineData("/nope")]
    [InlineData("/en/nope")]
    [InlineData("/wp-login.php")]
    [InlineData("/en/a/x/abc")]
    public async Task AnUnknownAddressIsALocalized404(string url)
    {
        var response = await factory.CreateReader().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("/editor/login", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongVerbOnAReaderPageIs405()
    {
        var response = await factory.CreateReader().DeleteAsync(new Uri("/en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task TheEditorAreaStillAsksForASignIn()
    {
        var response = await factory.CreateReader().GetAsync(new Uri("/editor", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/editor/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/health/live")]
    [InlineData("DELETE", "/health/ready")]
    [InlineData("TRACE", "/health/live")]
    public async Task HealthChecksAnswerOnlyGetAndHead(string method, string url)
    {
        var response = await factory.CreateReader().SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateReader().SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative)))).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/error/599")]
    [InlineData("POST", "/error/500")]
    [InlineData("GET", "/error/404")]
    public async Task AnErrorPageVisitedDirectlyIsNotFound(string method, string url)
    {
        var response = await factory.CreateReader().SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
