using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy the site still sends HSTS (with subdomains), because it believes the
/// proxy's <c>X-Forwarded-Proto</c>; from anyone but a configured proxy that header means nothing.
/// </summary>
public class ForwardedHeadersTests(ForwardedHeadersTests.PublicSite kestrel) : IClassFixture<ForwardedHeadersTests.PublicSite>
{
    /// <summary>The site under its public name, as behind a proxy, served by Kestrel on loopback (a configured proxy address).</summary>
    public sealed class PublicSite() : KestrelSiteFactory(new Dictionary<string, string?> { ["Site:BaseUrl"] = "https://news.example.org", ["AllowedHosts"] = "news.example.org" });

    /// <summary>The same site configured to believe another proxy only: the loopback client is then no proxy.</summary>
    private sealed class SiteBehindAnotherProxy() : KestrelSiteFactory(new Dictionary<string, string?>
    {
        ["Site:BaseUrl"] = "https://news.example.org",
        ["AllowedHosts"] = "news.example.org",
        ["Site:TrustedProxies:0"] = "10.9.8.7",
        ["Site:TrustedProxies:1"] = "10.9.8.8",
    });

    private static HttpRequestMessage FrontPage(string? forwardedProto)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/en");
        // HSTS is never sent to "localhost" or a loopback name; the proxy passes the public host name.
        request.Headers.Host = "news.example.org";
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        return request;
    }

    [Fact]
    public async Task AReaderWhoCameOverHttpsThroughTheProxyGetsHstsWithSubdomains()
    {
        using var client = kestrel.CreateKestrelClient();

        var response = await client.SendAsync(FrontPage("https"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
        Assert.Contains("includeSubDomains", hsts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttpGetsNoHsts()
    {
        using var client = kestrel.CreateKestrelClient();

        var response = await client.SendAsync(FrontPage(null));

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task AForwardedSchemeFromAnAddressThatIsNoProxyIsIgnored()
    {
        await using var site = new SiteBehindAnotherProxy();
        await ((Xunit.IAsyncLifetime)site).InitializeAsync();
        using var client = site.CreateKestrelClient();
        var response = await client.SendAsync(FrontPage("https"));
        await ((Xunit.IAsyncLifetime)site).DisposeAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
