using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Hosting;

[Collection(ReaderSiteCollection.Name)]
public class SecurityHeadersTests(NewsPortalFactory factory)
{
    [Fact]
    public async Task ReaderPagesForbidScriptsFromElsewhereAndFraming()
    {
        var response = await factory.CreateReader().GetAsync(new Uri("/en", UriKind.Relative));
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
