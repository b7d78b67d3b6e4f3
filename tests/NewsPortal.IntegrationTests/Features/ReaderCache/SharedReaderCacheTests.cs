using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Areas.Editor;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Tests.Shared;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Features.ReaderCache;

/// <summary>
/// Two instances of the site on one database and one Redis (<c>ConnectionStrings:Redis</c>): a page one instance
/// rendered is served by the other from the shared cache, and a change published on one instance reaches the
/// other's readers within a second. Needs a Redis server at <c>NEWSPORTAL_TEST_REDIS</c> (host:port; <c>.ci/run</c>
/// starts one); without it the test is skipped, except under <c>CI=true</c>, where it fails.
/// </summary>
public sealed class SharedReaderCacheTests : IAsyncLifetime
{
    private static readonly string? Redis = Environment.GetEnvironmentVariable("NEWSPORTAL_TEST_REDIS") is { Length: > 0 } address ? address : null;

    private readonly string _data = TestHost.NewDataDirectory();
    private readonly string _prefix = $"newsportal-test-{Guid.NewGuid():N}:";
    private Instance? _a;
    private Instance? _b;

    public async Task InitializeAsync()
    {
        if (Redis is null)
        {
            return;
        }

        _a = new Instance(_data, Redis, _prefix);
        await _a.InitializeAsync();
        _b = new Instance(_data, Redis, _prefix);
        await _b.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_b is not null)
        {
            await _b.DisposeAsync();
        }

        if (_a is not null)
        {
            await ((IAsyncLifetime)_a).DisposeAsync();
        }
        else
        {
            TestHost.DeleteDataDirectory(_data);
        }
    }

    private static void RequireRedis()
    {
        if (Redis is null && Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail("CI=true but NEWSPORTAL_TEST_REDIS is not set: .ci/run starts redis-server and sets it.");
        }

        Skip.If(Redis is null, "No Redis server (set NEWSPORTAL_TEST_REDIS=host:port to run the shared-cache tests).");
    }

    [SkippableFact]
    public async Task BothInstancesUseTheRedisStore()
    {
        RequireRedis();

        Assert.IsType<NewsPortal.Web.Features.ReaderCache.LocalCopyOutputCacheStore>(_a!.Services.GetRequiredService<IOutputCacheStore>());
        var storeOfA = _a.Services.GetRequiredService<IOutputCacheStore>();
        var storeOfB = _b!.Services.GetRequiredService<IOutputCacheStore>();

        // What one instance stores, the other reads (and keeps a copy of); what one evicts, the other no longer
        // finds within a second: Redis is emptied at once and B drops its copy when A's message arrives.
        await storeOfA.SetAsync("probe", [1, 2, 3], ["probe-tag"], TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal([1, 2, 3], await storeOfB.GetAsync("probe", CancellationToken.None));
        await storeOfA.EvictByTagAsync("probe-tag", CancellationToken.None);
        var clock = Stopwatch.StartNew();
        byte[]? seen;
        do
        {
            seen = await storeOfB.GetAsync("probe", CancellationToken.None);
        }
        while (seen is not null && clock.Elapsed < TimeSpan.FromSeconds(1) && await Delay());

        Assert.Null(seen);
    }

    [Fact]
    public async Task ReadersGetPagesWhenRedisDoesNotAnswer()
    {
        var data = TestHost.NewDataDirectory();
        var site = new Instance(data, "127.0.0.1:1,connectTimeout=200,syncTimeout=200,asyncTimeout=200,abortConnect=false", _prefix);
        try
        {
            await site.InitializeAsync();
            var reader = site.CreateReader();
            // Search too: its rate limit counts in Redis, and falls back to this instance's own count.
            foreach (var path in new[] { "/en", "/en", "/en/feed", "/en/search?q=flood" })
            {
                Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
            }

            // One error for the whole outage (seeding's evictions and the readers' misses), not one per request.
            Assert.Single(site.Logs.Entries, e => e.Contains("The reader cache failed to", StringComparison.Ordinal));
        }
        finally
        {
            await ((IAsyncLifetime)site).DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task APageOneInstanceRenderedIsServedByTheOtherAndAPublishOnOneReachesTheOtherWithinASecond()
    {
        RequireRedis();
        var editor = await EditorSession.SignInAsync(_a!, NewsroomRoles.Editor);
        var headline = $"Ferry strike called off {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", ArticleWorkflowTests.Fields(headline, "Publish"))).StatusCode);
        var article = await _a!.QueryAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Headline == headline));
        var url = new Uri($"/en/a/{article.Slug}/{article.Id}", UriKind.Relative);
        var readerA = _a!.CreateReader();
        var readerB = _b!.CreateReader();

        // B renders the page and stores it; A answers the same request from the shared store (Age: it is a cached copy).
        var rendered = await readerB.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
        var fromA = await readerA.GetAsync(url);
        Assert.NotNull(fromA.Headers.Age);
        Assert.Equal(rendered.Headers.ETag, fromA.Headers.ETag);
        await readerB.GetAsync(new Uri("/en/feed/atom", UriKind.Relative));

        // A publishes a change; B's readers see it within a second, on the page and in the Atom feed (its summary is the lead).
        var lead = $"The union accepted the offer on Friday night ({Guid.NewGuid():N}).";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["Lead"] = lead, ["command"] = "UpdateLive" })).StatusCode);
        await ReaderPolling.AssertShowsWithinAsync(readerB, url, lead, TimeSpan.FromSeconds(1), "instance B");
        Assert.Contains(lead, await readerB.GetStringAsync(new Uri("/en/feed/atom", UriKind.Relative)), StringComparison.Ordinal);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(50);
        return true;
    }

    /// <summary>One instance of the site: the shared data directory and the shared Redis, each its own host.</summary>
    private sealed class Instance(string data, string redis, string prefix) : NewsPortalFactory(data)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // As settings of the host, so that the application sees them while it registers its services.
            builder.UseSetting("ConnectionStrings:Redis", redis);
            builder.UseSetting("OutputCache:RedisKeyPrefix", prefix);
        }
    }
}
