using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Areas.Editor;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Tests.Shared;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.IntegrationTests.Hosting;

/// <summary>
/// Two instances of the site behind one address, as a load balancer runs them: one PostgreSQL database, one Redis,
/// one shared data folder, each instance its own host. Needs the servers at <c>NEWSPORTAL_TEST_POSTGRES</c> and
/// <c>NEWSPORTAL_TEST_REDIS</c> (<c>.ci/run</c> starts both); without them the tests are skipped, except under
/// <c>CI=true</c>, where they fail. They always run on PostgreSQL, so the PostgreSQL pass of the suite leaves them out.
/// </summary>
[Trait("Database", "Postgres")]
public sealed class SeveralInstancesTests : IAsyncLifetime
{
    private static readonly string? Redis = Environment.GetEnvironmentVariable("NEWSPORTAL_TEST_REDIS") is { Length: > 0 } address ? address : null;

    private readonly string _data = TestHost.NewDataDirectory();
    private readonly string _prefix = $"newsportal-test-{Guid.NewGuid():N}:";
    private readonly List<Instance> _instances = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        TestHost.DeleteDataDirectory(_data);
    }

    private static void RequireServers()
    {
        var missing = TestHost.PostgresServer is null || Redis is null;
        if (missing && Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail("CI=true but NEWSPORTAL_TEST_POSTGRES or NEWSPORTAL_TEST_REDIS is not set: .ci/run starts both servers and sets them.");
        }

        Skip.If(missing, "No PostgreSQL or Redis server (set NEWSPORTAL_TEST_POSTGRES and NEWSPORTAL_TEST_REDIS to run the several-instance tests).");
    }

    /// <summary>Starts instances on the shared database at the same moment; each migrates and seeds as a single site would.</summary>
    private async Task<Instance[]> StartAsync(int count, Dictionary<string, string?>? settings = null)
    {
        var started = Enumerable.Range(0, count).Select(_ => new Instance(_data, Redis!, _prefix, settings)).ToArray();
        _instances.AddRange(started);
        await Task.WhenAll(started.Select(instance => Task.Run(instance.InitializeAsync)));
        return started;
    }

    [SkippableFact]
    public async Task TwoInstancesStartingAtOnceSeedTheDemoContentOnce()
    {
        RequireServers();
        var (a, b) = (await StartAsync(2)) is [var first, var second] ? (first, second) : throw new InvalidOperationException();

        // Seeded twice, every demo story would be there twice (editions, by their unique code, would have stopped the second start).
        Assert.Equal(4, await a.QueryAsync(db => db.Editions.CountAsync()));
        var duplicates = await a.QueryAsync(db => db.Articles.GroupBy(x => new { x.EditionId, x.Slug }).CountAsync(g => g.Count() > 1));
        Assert.Equal(0, duplicates);
        Assert.True(await a.QueryAsync(db => db.Articles.CountAsync()) > 0);
        Assert.Equal(HttpStatusCode.OK, (await b.CreateReader().GetAsync(new Uri("/en", UriKind.Relative))).StatusCode);
    }

    [SkippableFact]
    public async Task ASignInAndAFormFromOneInstanceAreValidOnTheOther()
    {
        RequireServers();
        var (a, b) = (await StartAsync(2)) is [var first, var second] ? (first, second) : throw new InvalidOperationException();
        var balancer = new Balancer(a, b);
        var editor = new EditorSession(balancer.Client);
        var email = await EditorSession.CreateUserAsync(a, NewsroomRoles.Editor);

        // Signed in through A (antiforgery token and cookie issued by A, the session cookie signed by A) ...
        balancer.Target = a;
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SignInAsync(email, EditorSession.Password)).StatusCode);

        // ... B shows the dashboard, not the sign-in page ...
        balancer.Target = b;
        var dashboard = await balancer.Client.GetAsync(new Uri("/editor", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.DoesNotContain("/editor/login", dashboard.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);

        // ... and accepts a form A served (its antiforgery token) for a save.
        balancer.Target = a;
        var action = (await editor.GetDocumentAsync("/editor/articles/new?edition=en")).QuerySelector("form.editor-form")!.GetAttribute("action")!;
        var fields = await editor.ReadFormAsync("/editor/articles/new?edition=en");
        var headline = $"Harbour cranes idle after storm {Guid.NewGuid():N}";
        foreach (var (name, value) in ArticleWorkflowTests.Fields(headline, "Save"))
        {
            fields[name] = value;
        }

        balancer.Target = b;
        var saved = await editor.PostFieldsAsync(action, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await b.QueryAsync(db => db.Articles.CountAsync(x => x.Headline == headline)));
    }

    [SkippableFact]
    public async Task APublishOnOneInstanceIsReadOnTheOtherWithinASecond()
    {
        RequireServers();
        var (a, b) = (await StartAsync(2)) is [var first, var second] ? (first, second) : throw new InvalidOperationException();
        var editor = await EditorSession.SignInAsync(a, NewsroomRoles.Editor);
        var headline = $"Night trains return to the coast {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", ArticleWorkflowTests.Fields(headline, "Publish"))).StatusCode);
        var article = await a.QueryAsync(db => db.Articles.AsNoTracking().SingleAsync(x => x.Headline == headline));
        var url = new Uri($"/en/a/{article.Slug}/{article.Id}", UriKind.Relative);
        var readerB = b.CreateReader();

        // B has the page and the front page in the shared cache; A changes the lead and the front page's link text.
        Assert.Equal(HttpStatusCode.OK, (await readerB.GetAsync(url)).StatusCode);
        await readerB.GetAsync(new Uri("/en", UriKind.Relative));
        var lead = $"Timetables are published for the winter ({Guid.NewGuid():N}).";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["Lead"] = lead, ["command"] = "UpdateLive" })).StatusCode);

        await ReaderPolling.AssertShowsWithinAsync(readerB, url, lead, TimeSpan.FromSeconds(1), "instance B");
    }

    [SkippableFact]
    public async Task ASearchLimitHoldsAcrossInstances()
    {
        RequireServers();
        var (a, b) = (await StartAsync(2, new() { ["Site:SearchesPerMinute"] = "4" })) is [var first, var second] ? (first, second) : throw new InvalidOperationException();
        var readers = new[] { a.CreateReader(), b.CreateReader() };

        // One client (the test server's), four searches spread over both instances: all answered; the fifth, on
        // either, is refused, because both count in Redis.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await readers[i % 2].GetAsync(new Uri($"/en/search?q=flood{i}", UriKind.Relative))).StatusCode);
        }

        var fifth = await readers[0].GetAsync(new Uri("/en/search?q=flood", UriKind.Relative));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Equal("60", fifth.Headers.RetryAfter?.ToString());
    }

    [SkippableFact]
    public async Task TheSchedulersOfBothInstancesPublishEachDueArticleExactlyOnce()
    {
        RequireServers();
        var (a, b) = (await StartAsync(2)) is [var first, var second] ? (first, second) : throw new InvalidOperationException();
        var editor = await EditorSession.SignInAsync(a, NewsroomRoles.Editor);
        var ids = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            var headline = $"Scheduled bulletin {i} {Guid.NewGuid():N}";
            Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", ArticleWorkflowTests.Fields(headline, "Save"))).StatusCode);
            ids.Add(await a.QueryAsync(db => db.Articles.Where(x => x.Headline == headline).Select(x => x.Id).SingleAsync()));
        }

        // All twelve fell due a minute ago (as after an outage); both instances' schedulers run at the same moment, three rounds each.
        await a.QueryAsync(db => db.Articles.Where(x => ids.Contains(x.Id)).ExecuteUpdateAsync(set => set
            .SetProperty(x => x.Status, ArticleStatus.Scheduled)
            .SetProperty(x => x.ScheduledAt, DateTime.UtcNow.AddMinutes(-1))));
        var rounds = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => RunSchedulerAsync(i % 2 == 0 ? a : b))));

        Assert.Equal(ids.Count, rounds.Sum());
        Assert.Equal(ids.Count, await a.QueryAsync(db => db.Articles.CountAsync(x => ids.Contains(x.Id) && x.Status == ArticleStatus.Published)));
        var audit = await a.QueryAsync(db => db.AuditLog.Where(e => e.Action == AuditActions.Published && e.Actor == "scheduler").Select(e => e.Target).ToListAsync());
        foreach (var id in ids)
        {
            Assert.Single(audit, target => target != null && target.StartsWith($"article {id} ", StringComparison.Ordinal));
        }
    }

    private static async Task<int> RunSchedulerAsync(Instance instance)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PublishDueArticles>().ExecuteAsync(CancellationToken.None);
    }

    /// <summary>One instance: PostgreSQL whatever the pass, the shared Redis cache and data folder.</summary>
    private sealed class Instance(string data, string redis, string prefix, Dictionary<string, string?>? settings) : NewsPortalFactory(data)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            TestHost.Configure(builder, DataDirectory, Logs, postgres: true);
            builder.UseSetting("ConnectionStrings:Redis", redis);
            builder.UseSetting("OutputCache:RedisKeyPrefix", prefix);
            if (settings is not null)
            {
                // After the test host's own settings, so these win.
                builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
            }
        }
    }

    /// <summary>One browser (one cookie jar) whose requests go to whichever instance <see cref="Target"/> names, as a load balancer may send them.</summary>
    private sealed class Balancer
    {
        private readonly Dictionary<Instance, HttpMessageHandler> _handlers;

        public Balancer(params Instance[] instances)
        {
            _handlers = instances.ToDictionary(i => i, i => i.Server.CreateHandler());
            Target = instances[0];
            Client = new HttpClient(new CookieContainerHandler(new System.Net.CookieContainer()) { InnerHandler = new Switch(this) }) { BaseAddress = new Uri("https://localhost") };
        }

        public Instance Target { get; set; }

        public HttpClient Client { get; }

        private sealed class Switch(Balancer balancer) : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                new HttpMessageInvoker(balancer._handlers[balancer.Target], disposeHandler: false).SendAsync(request, cancellationToken);
        }
    }
}
