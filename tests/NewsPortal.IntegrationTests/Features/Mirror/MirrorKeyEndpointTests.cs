using System.Net;
using System.Text;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Features.Mirror;

namespace NewsPortal.IntegrationTests.Features.Mirror;

/// <summary>The main site publishes the key its mirrors are signed with, for anyone to check a copy against.</summary>
[Collection(ReaderSiteCollection.Name)]
public class MirrorKeyEndpointTests(NewsPortalFactory factory)
{
    [Fact]
    public async Task TheServedKeyIsTheKeyTheSiteSignsWith()
    {
        var response = await factory.CreateReader().GetAsync(new Uri("/.well-known/newsportal-mirror-key.pem", UriKind.Relative));
        var pem = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-pem-file", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----\n", pem, StringComparison.Ordinal);
        var data = Encoding.UTF8.GetBytes("{\"site\": \"NewsPortal\"}\n");
        Assert.True(MirrorSigningKey.Verify(pem, data, factory.Service<MirrorSigningKey>().Sign(data)));
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "keys", MirrorSigningKey.FileName)));
    }

    [Fact]
    public async Task TheKeyIsPublicForCachesAndSetsNoCookie()
    {
        var response = await factory.CreateReader().GetAsync(new Uri("/.well-known/newsportal-mirror-key.pem", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Public: true, MaxAge: not null }, response.Headers.CacheControl?.ToString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task HeadAnswersLikeGet()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri("/.well-known/newsportal-mirror-key.pem", UriKind.Relative));
        var response = await factory.CreateReader().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-pem-file", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}
