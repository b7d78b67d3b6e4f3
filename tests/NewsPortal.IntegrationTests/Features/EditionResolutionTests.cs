using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Features.Editions;

namespace NewsPortal.IntegrationTests.Features;

/// <summary>
/// A reader request resolves its edition once; the request culture, the controller, the layout and the
/// banner read that one result. Rendered without the output cache, so every request reaches them.
/// </summary>
public sealed class EditionResolutionTests(EditionResolutionTests.CountingSiteFactory factory) : IClassFixture<EditionResolutionTests.CountingSiteFactory>
{
    [Theory]
    [InlineData("/ru")]
    [InlineData("/ru/s/mir")]
    [InlineData("/ru/search?q=test")]
    public async Task AReaderPageResolvesItsEditionOnceAndIsRussian(string url)
    {
        var (response, document) = await factory.CreateReader().GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ru", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(1, factory.Resolver.CountFor(url));
    }

    [Fact]
    public async Task AnArticleResolvesItsEditionOnce()
    {
        var (_, front) = await factory.CreateReader().GetPageAsync("/ru");
        var article = front.QuerySelector("a[href^='/ru/a/']")!.GetAttribute("href")!;

        var (response, document) = await factory.CreateReader().GetPageAsync(article);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ru", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(1, factory.Resolver.CountFor(article));
    }

    [Fact]
    public async Task AnUnknownEditionIsA404ResolvedOnce()
    {
        var response = await factory.CreateReader().GetAsync(new Uri("/xx/s/world", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, factory.Resolver.CountFor("/xx/s/world"));
    }

    [Fact]
    public async Task AMissingArticleInRussianIsARussian404()
    {
        var (response, document) = await factory.CreateReader().GetPageAsync("/ru/a/net-takoy/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ru", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(1, factory.Resolver.CountFor("/ru/a/net-takoy/999999"));
    }

    public sealed class CountingSiteFactory : NewsPortalFactory
    {
        public CountingResolver Resolver { get; private set; } = null!;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OutputCache:Enabled"] = "false",
            }));
            builder.ConfigureTestServices(services => services.AddSingleton<EditionResolver>(sp =>
                Resolver = new CountingResolver(sp.GetRequiredService<EditionCatalog>())));
        }
    }

    /// <summary>Counts resolutions by the path and query the reader asked for.</summary>
    public sealed class CountingResolver(EditionCatalog catalog) : EditionResolver(catalog)
    {
        private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

        public int CountFor(string url) => _counts.GetValueOrDefault(url);

        public override RequestEdition Resolve(HttpContext context)
        {
            var url = context.Request.Path + context.Request.QueryString;
            _counts.AddOrUpdate(url, 1, (_, n) => n + 1);
            return base.Resolve(context);
        }
    }
}
