using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.BrowserTests.Pages;

namespace NewsPortal.BrowserTests.Reader;

/// <summary>
/// The static copy of the editions, as readers open it: from disk, where every page reached by its links loads whole
/// (title, stylesheet, pictures) without a single request leaving the copy; from another server under another path,
/// where nothing depends on the site's root or host; with axe finding nothing in the left-to-right and the
/// right-to-left edition at desktop width and at 320 px; and from the keyboard, where "Skip to search" leads to the
/// notice that says search works on the main site only.
/// </summary>
public class MirrorTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>More than the demo copy's pages, so the crawl stops only on a copy that links pages without end.</summary>
    private const int MaxPages = 1500;

    [SkippableFact]
    public async Task MirrorFromFile_EveryPageReachedByLinksLoadsWithNoRequestLeavingTheCopy()
    {
        SkipWithoutBrowser();
        var folder = await Fixture.MirrorFolderAsync();
        var root = FolderUrl(folder);
        var page = new MirrorPage(await Fixture.NewPageAsync(Viewport.Desktop), key => Fixture.Text("en", key));
        var outside = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<string>();
        await page.Page.Context.RouteAsync("**/*", route => Keep(route, root, outside));
        page.Page.Request += (_, request) => Record(request.Url, root, outside);
        page.Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Enqueue(message.Text);
            }
        };
        page.Page.PageError += (_, error) => errors.Enqueue(error);

        var failures = new List<string>();
        var queued = new HashSet<string>(StringComparer.Ordinal) { root + "index.html" };
        var toVisit = new Queue<string>(queued);
        var visited = 0;
        var fullPages = 0;
        while (toVisit.TryDequeue(out var address) && visited < MaxPages)
        {
            visited++;
            outside.Clear();
            errors.Clear();
            var name = address[root.Length..];
            try
            {
                await page.OpenAsync(address);
            }
            catch (PlaywrightException e)
            {
                failures.Add($"{name}: did not load: {e.Message.Split('\n')[0]}");
                continue;
            }

            var state = await page.StateAsync();
            if (state.Title.Length == 0)
            {
                failures.Add($"{name}: no title");
            }

            if (state.LinksStylesheet)
            {
                fullPages++;
                if (!state.Styled)
                {
                    failures.Add($"{name}: the stylesheet was not applied");
                }
            }

            failures.AddRange(state.BrokenImages.Select(image => $"{name}: the picture {image} did not load"));
            failures.AddRange(outside.Distinct().Select(request => $"{name}: requested {request}, outside the copy"));
            failures.AddRange(errors.Distinct().Select(error => $"{name}: console error: {error}"));

            foreach (var link in state.Links.Select(l => l.Split('#')[0]).Distinct(StringComparer.Ordinal))
            {
                if (link.StartsWith(root, StringComparison.Ordinal))
                {
                    if (link.EndsWith(".html", StringComparison.Ordinal))
                    {
                        if (queued.Add(link))
                        {
                            toVisit.Enqueue(link);
                        }
                    }
                    else if (!File.Exists(new Uri(link).LocalPath))
                    {
                        failures.Add($"{name}: the link to {link[root.Length..]} finds no file");
                    }
                }
                else if (link.StartsWith("file:", StringComparison.Ordinal) || new Uri(link).Host is "localhost" or "127.0.0.1")
                {
                    // Out of the folder, or back to the main site: a link of the site that the copy did not rewrite.
                    failures.Add($"{name}: the link to {link} leaves the copy");
                }

                // Anything else is a story's own link to another site (or an email address), followed by a reader's choice.
            }
        }

        await page.Page.Context.CloseAsync();

        var htmlFiles = Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories).Count();
        Assert.True(failures.Count == 0, $"{failures.Count} problems on {visited} pages of the copy:\n" + string.Join('\n', failures.Take(200)));
        Assert.True(toVisit.Count == 0, $"the crawl stopped at {MaxPages} pages with {toVisit.Count} more to see");
        Assert.True(visited >= htmlFiles, $"links reach {visited} of the copy's {htmlFiles} pages");
        Assert.True(fullPages > 100, $"only {fullPages} full pages");
    }

    [SkippableFact]
    public async Task MirrorFromSubPath_WorksBehindAnotherPathAndHost()
    {
        SkipWithoutBrowser();
        var folder = await Fixture.MirrorFolderAsync();
        await using var server = await ServeAsync(folder);
        var root = server.Urls.Single().TrimEnd('/') + "/mirror/";
        var browserPage = await Fixture.NewPageAsync(Viewport.Desktop);
        var outside = new ConcurrentQueue<string>();
        await browserPage.Context.RouteAsync("**/*", route => Keep(route, root, outside));
        browserPage.Request += (_, request) => Record(request.Url, root, outside);
        var ru = new MirrorPage(browserPage, key => Fixture.Text("ru", key));
        var uk = new MirrorPage(browserPage, key => Fixture.Text("uk", key));
        var steps = new List<string>();
        var problemSteps = 0;

        async Task StepAsync(string what, Func<Task<IResponse?>> go, string expected)
        {
            var response = await go();
            var state = await ru.StateAsync();
            var url = browserPage.Url;
            var problems = new List<string>();
            if (response?.Status != 200)
            {
                problems.Add($"answered {response?.Status}");
            }

            if (!url.StartsWith(root + expected, StringComparison.Ordinal))
            {
                problems.Add($"expected {root + expected}…");
            }

            if (state.Title.Length == 0 || state.BrokenImages.Length > 0 || (state.LinksStylesheet && !state.Styled))
            {
                problems.Add($"title “{state.Title}”, styled {state.Styled}, broken pictures {string.Join(", ", state.BrokenImages)}");
            }

            problems.AddRange(outside.Distinct().Select(request => $"requested {request}"));
            outside.Clear();
            problemSteps += problems.Count == 0 ? 0 : 1;
            steps.Add($"{what} → {url}" + (problems.Count == 0 ? "" : ": " + string.Join("; ", problems)));
        }

        await StepAsync("front page", () => ru.OpenAsync(root + "ru/index.html"), "ru/index.html");
        await StepAsync("older stories", () => ru.FollowAsync(ru.OlderStories), "ru/page-2.html");
        await StepAsync("newer stories", () => ru.FollowAsync(ru.NewerStories), "ru/index.html");
        await StepAsync("a story", () => ru.FollowAsync(ru.FirstStory), "ru/a/");
        await StepAsync("its text-only version", () => ru.FollowAsync(ru.TextOnlyVersion), "ru/a/");
        var liteUrl = browserPage.Url;
        await StepAsync("a section", () => ru.FollowAsync(ru.Section("Наука")), "ru/s/nauka/index.html");
        await StepAsync("the Ukrainian edition", () => ru.FollowAsync(ru.Edition("Українська")), "uk/");
        await StepAsync("back to Russian", () => uk.FollowAsync(uk.Edition("Русский")), "ru/");
        await StepAsync("the root page", () => ru.OpenAsync(root + "index.html"), "index.html");
        await browserPage.Context.CloseAsync();

        Assert.EndsWith("/lite/index.html", liteUrl, StringComparison.Ordinal);
        Assert.True(problemSteps == 0, "Served under /mirror/:\n" + string.Join('\n', steps));
    }

    [SkippableFact]
    public async Task MirrorPages_PassAxeInLeftToRightAndRightToLeft()
    {
        SkipWithoutBrowser();
        var root = FolderUrl(await Fixture.MirrorFolderAsync());
        var failures = new List<string>();
        var scanned = 0;
        foreach (var edition in new[] { "en", "fa" })
        {
            var article = (await Fixture.BreakingArticlePathAsync(edition)).TrimStart('/');
            var pages = new Dictionary<string, string>
            {
                ["front"] = $"{edition}/index.html",
                ["article"] = $"{article}/index.html",
                ["lite"] = $"{article}/lite/index.html",
                ["section"] = edition == "fa" ? "fa/s/jahan/index.html" : "en/s/world/index.html",
            };
            foreach (var viewport in new[] { Viewport.Desktop, Viewport.Narrow })
            {
                var page = new ReaderPage(await Fixture.NewPageAsync(viewport), key => Fixture.Text(edition, key));
                foreach (var (pageType, file) in pages)
                {
                    await page.GotoAsync(root + file);
                    var axe = await page.RunAxeAsync();
                    var overflow = await page.HorizontalOverflowAsync();
                    scanned++;
                    failures.AddRange(axe.Violations.Select(v =>
                        $"{edition}/{pageType}/{viewport.Name}: {v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => n.Html))));
                    if (overflow > 0)
                    {
                        failures.Add($"{edition}/{pageType}/{viewport.Name}: scrolls sideways by {overflow}px: {string.Join(", ", await page.OverflowingElementsAsync())}");
                    }
                }

                await page.Page.Context.CloseAsync();
            }
        }

        Assert.Equal(16, scanned);
        Assert.True(failures.Count == 0, "axe on the copy opened from disk:\n" + string.Join('\n', failures));
    }

    [SkippableTheory]
    [InlineData("article")]
    [InlineData("lite")]
    public async Task MirrorPage_SkipToSearchMovesFocusToTheMirrorNotice(string pageType)
    {
        SkipWithoutBrowser();
        var root = FolderUrl(await Fixture.MirrorFolderAsync());
        var article = (await Fixture.BreakingArticlePathAsync("en")).TrimStart('/');
        var reader = new ReaderPage(await Fixture.NewPageAsync(Viewport.Desktop), key => Fixture.Text("en", key));
        await reader.GotoAsync(root + article + (pageType == "lite" ? "/lite/index.html" : "/index.html"));

        await reader.PressTabAsync();
        var first = await reader.FocusedElementAsync();
        var firstIsSkipToMain = await reader.SkipToMainContent.EvaluateAsync<bool>("link => link === document.activeElement");
        await reader.PressTabAsync();
        await reader.PressTabAsync();
        var link = await reader.FocusedElementAsync();
        var onSkipToSearch = await reader.SkipToSearch.EvaluateAsync<bool>("link => link === document.activeElement");
        await reader.PressEnterAsync();
        var target = await reader.FocusedElementAsync();
        await reader.Page.Context.CloseAsync();

        Assert.True(firstIsSkipToMain, $"the first Tab focused {first.Tag}#{first.Id} “{first.Text}”");
        Assert.True(onSkipToSearch, $"the third Tab focused {link.Tag}#{link.Id} “{link.Text}”");
        Assert.True(link.IsVisible && link.HasVisibleFocusIndicator, "“Skip to search” is not visibly focused");
        Assert.Equal("mirror-notice", target.Id);
        Assert.True(target.IsVisible, "the mirror notice is not visible once focused");
    }

    /// <summary>The folder's <c>file://</c> address, ending in a slash.</summary>
    private static string FolderUrl(string folder) => new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar).AbsoluteUri;

    /// <summary>Lets a request inside the copy through; aborts and records any other.</summary>
    private static Task Keep(IRoute route, string root, ConcurrentQueue<string> outside)
    {
        if (route.Request.Url.StartsWith(root, StringComparison.Ordinal))
        {
            return route.ContinueAsync();
        }

        outside.Enqueue(route.Request.Url);
        return route.AbortAsync();
    }

    /// <summary>Records a request the browser made outside the copy, should one not pass through the route.</summary>
    private static void Record(string url, string root, ConcurrentQueue<string> outside)
    {
        if (!url.StartsWith(root, StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal) && url != "about:blank")
        {
            outside.Enqueue(url);
        }
    }

    /// <summary>
    /// The copy served as another host would serve it: as plain files under <c>/mirror/</c> on a loopback port, with
    /// the types a static server gives pages, feeds, pictures and the stylesheet; nothing answers at the root.
    /// </summary>
    private static async Task<WebApplication> ServeAsync(string folder)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder, EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".html"] = "text/html; charset=utf-8";
        types.Mappings[".css"] = "text/css; charset=utf-8";
        types.Mappings[".xml"] = "application/xml; charset=utf-8";
        types.Mappings[".svg"] = "image/svg+xml";
        types.Mappings[".avif"] = "image/avif";
        types.Mappings[".webp"] = "image/webp";
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = "/mirror", ContentTypeProvider = types });
        await app.StartAsync();
        return app;
    }
}
