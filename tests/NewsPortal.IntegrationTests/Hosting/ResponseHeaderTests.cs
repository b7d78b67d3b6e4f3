using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Hosting;

/// <summary>What every response says about the server: nothing that helps an attacker pick an exploit.</summary>
[Collection(KestrelSiteCollection.Name)]
public class ResponseHeaderTests(KestrelSiteFactory factory)
{
    [Theory]
    [InlineData("/en")]
    [InlineData("/health/live")]
    [InlineData("/editor/login")]
    public async Task NoResponseNamesTheServerSoftware(string url)
    {
        var response = await factory.CreateKestrelClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
    }
}
