using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Tests.Shared;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The real application on a real SQLite file in a fresh temporary data directory,
/// seeded with the demo content exactly as a new clone would be.
/// </summary>
public class NewsPortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public NewsPortalFactory()
        : this(TestHost.NewDataDirectory())
    {
    }

    /// <summary>A site on an existing data directory (one an archive was restored into, for instance).</summary>
    protected NewsPortalFactory(string dataDirectory) => DataDirectory = dataDirectory;

    public string DataDirectory { get; }

    /// <summary>Everything the server logged at Warning or above.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder) => TestHost.Configure(builder, DataDirectory, Logs);

    public HttpClient CreateReader() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public Task InitializeAsync()
    {
        StartServer(); // Starts the host: migrations and seeding run now, not inside the first test.
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        TestHost.DeleteDataDirectory(DataDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class ReaderSiteCollection : ICollectionFixture<NewsPortalFactory>
{
    public const string Name = "Reader site";
}

/// <summary>The editor area's tests write articles and accounts: they get a database of their own, so reader tests keep exact counts.</summary>
public sealed class EditorAreaFactory : NewsPortalFactory;

[CollectionDefinition(Name)]
public sealed class EditorAreaCollection : ICollectionFixture<EditorAreaFactory>
{
    public const string Name = "Editor area";
}

public static class HttpClientExtensions
{
    private static readonly HtmlParser Parser = new();

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return (response, await Parser.ParseDocumentAsync(html));
    }
}
