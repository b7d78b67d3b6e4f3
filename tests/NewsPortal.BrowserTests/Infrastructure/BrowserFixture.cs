using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using NewsPortal.Tests.Shared;
using NewsPortal.Web;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Mirror;

namespace NewsPortal.BrowserTests.Infrastructure;

/// <summary>
/// The real application served by Kestrel on a loopback port, and Debian's Chromium driven by
/// Playwright. Chromium is found at <c>CHROMIUM_PATH</c> or <c>/usr/bin/chromium</c>; without it the
/// tests fail under CI and are skipped (loudly) elsewhere.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    ];

    private readonly string _dataDirectory = TestHost.NewDataDirectory();
    private AppFactory? _app;
    private IPlaywright? _playwright;
    private Task<string>? _mirror;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string[] ChromiumFlags => ChromiumArguments;

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? Unavailable { get; private set; }

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    public static string ArtifactsDirectory =>
        Environment.GetEnvironmentVariable("NEWSPORTAL_ARTIFACTS") is { Length: > 0 } dir ? dir : Path.Combine(TestHost.RepositoryRoot(), "TestResults", "browser");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            var message = $"Chromium was not found at {ChromiumPath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            {
                throw new InvalidOperationException(message);
            }

            Unavailable = message;
            await Console.Error.WriteLineAsync($"\n*** BROWSER TESTS SKIPPED: {message} ***\n");
            return;
        }

        _app = new AppFactory(_dataDirectory, Logs);
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    public async Task<IPage> NewPageAsync(Viewport viewport, ReducedMotion reducedMotion = ReducedMotion.NoPreference)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            ReducedMotion = reducedMotion,
            JavaScriptEnabled = true,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Interface text as the app shows it in <paramref name="culture"/>, so tests select by the accessible names readers hear.</summary>
    public string Text(string culture, string key, params object[] arguments) => Localized<SharedResource>(culture, key, arguments);

    /// <summary>The editor area's interface text in <paramref name="culture"/>, as a person who chose that language sees it.</summary>
    public string EditorText(string culture, string key, params object[] arguments) => Localized<EditorResource>(culture, key, arguments);

    private string Localized<TResource>(string culture, string key, object[] arguments)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return _app!.Services.GetRequiredService<IStringLocalizer<TResource>>()[key, arguments];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public async Task<T> QueryAsync<T>(Func<NewsPortalDbContext, Task<T>> query)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NewsPortalDbContext>());
    }

    /// <summary>The path of the edition's breaking story: a full article with picture, quotes, credit line and translations.</summary>
    public Task<string> BreakingArticlePathAsync(string edition) => QueryAsync(async db =>
    {
        var article = await db.Articles.Where(a => a.Edition.Code == edition && a.BreakingUntil != null).Select(a => new { a.Slug, a.Id }).FirstAsync();
        return $"/{edition}/a/{Uri.EscapeDataString(article.Slug)}/{article.Id}";
    });

    /// <summary>Creates a newsroom account with a fresh email in the test database.</summary>
    public Task<string> CreateUserAsync(string role, string password) => CreateUserAsync(role, password, interfaceCulture: null);

    /// <summary>Creates a newsroom account whose editor interface is in <paramref name="interfaceCulture"/> (null: the site's default).</summary>
    public async Task<string> CreateUserAsync(string role, string password, string? interfaceCulture)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<NewsPortal.Web.Domain.NewsroomUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@newsroom.test";
        var user = new NewsPortal.Web.Domain.NewsroomUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role, InterfaceCulture = interfaceCulture };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);

        // As a newsroom links its journalists' accounts to the people they write as: new stories start credited to them.
        var db = scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Data.NewsPortalDbContext>();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        db.People.Add(new NewsPortal.Web.Domain.Person($"{role} Tester {suffix}", $"{role.ToLowerInvariant()}-tester-{suffix}", isPenName: false, DateTime.UtcNow) { UserId = user.Id });
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>
    /// The folder of a static copy of every edition, written once by the running site's own mirror builder and shared
    /// by the tests that read it (none of them changes it). The Russian edition gets a dozen older stories first, so
    /// its front page in the copy has a second page.
    /// </summary>
    public Task<string> MirrorFolderAsync() => _mirror ??= BuildMirrorAsync();

    private async Task<string> BuildMirrorAsync()
    {
        await QueryAsync(async db =>
        {
            var edition = await db.Editions.SingleAsync(e => e.Code == "ru");
            var section = await db.Sections.SingleAsync(s => s.EditionId == edition.Id && s.Slug == "ekonomika");
            var staff = await db.Sources.SingleAsync(s => s.Code == "staff");
            var published = DateTime.UtcNow.AddDays(-30);
            for (var i = 1; i <= 12; i++)
            {
                var article = new Article(edition, section, $"Сводка рынка зерна, выпуск {i}", published.AddHours(-i)) { Lead = $"Цены на зерно за неделю, выпуск {i}." };
                article.SetBody("Короткая сводка.", new RenderedBody("<p>Короткая сводка.</p>", "Короткая сводка."));
                article.Credit(staff, SourceRole.Reporting);
                article.Publish(published.AddHours(-i));
                db.Articles.Add(article);
            }

            return await db.SaveChangesAsync();
        });

        var folder = Path.Combine(Path.GetTempPath(), "newsportal-tests", "browser-mirror-" + Guid.NewGuid().ToString("N"));
        await _app!.Services.GetRequiredService<BuildMirror>().ExecuteAsync(new MirrorBuildRequest(folder), progress: null, CancellationToken.None);
        return folder;
    }

    public async Task DisposeAsync()
    {
        if (_mirror is { IsCompletedSuccessfully: true } && Directory.Exists(_mirror.Result))
        {
            Directory.Delete(_mirror.Result, recursive: true);
        }

        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        TestHost.DeleteDataDirectory(_dataDirectory);
    }

    private sealed class AppFactory(string dataDirectory, CapturedLogs logs) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => TestHost.Configure(builder, dataDirectory, logs);
    }
}

public sealed record Viewport(string Name, int Width, int Height)
{
    public static readonly Viewport Desktop = new("desktop", 1280, 900);
    public static readonly Viewport Narrow = new("320px", 320, 720);

    public static Viewport Named(string name) => name == Narrow.Name ? Narrow : Desktop;
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// Base of every browser test: skips when Chromium is unavailable (outside CI) and fails the test
/// when the server logged a warning or an error while it ran.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private int _logsAtStart;

    protected BrowserFixture Fixture => fixture;

    public Task InitializeAsync()
    {
        _logsAtStart = fixture.Logs.Entries.Count;
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        var logged = fixture.Logs.Entries.Skip(_logsAtStart).ToList();
        Assert.True(logged.Count == 0, "The server logged during the test:\n" + string.Join('\n', logged));
        return Task.CompletedTask;
    }

    protected void SkipWithoutBrowser() => Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
}
