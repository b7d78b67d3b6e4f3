using Microsoft.EntityFrameworkCore;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.BrowserTests.Pages;

namespace NewsPortal.BrowserTests.Accessibility;

/// <summary>
/// axe-core (WCAG 2.0–2.2 A/AA and best practices) finds nothing on any reader page type, in the
/// English and the right-to-left Persian edition, at desktop width and at 320 px, where nothing may
/// scroll sideways either. Every page is kept as a screenshot under TestResults/browser/screenshots.
/// </summary>
public class AxeScanTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    public static readonly string[] PageTypes = ["front", "article", "lite", "live", "live-earlier", "live-lite", "section", "source", "tag", "author", "not-found", "search", "search-empty", "corrections"];

    public static TheoryData<string, string, string> Pages()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var edition in new[] { "en", "fa" })
        {
            foreach (var pageType in PageTypes)
            {
                foreach (var viewport in new[] { Viewport.Desktop, Viewport.Narrow })
                {
                    data.Add(edition, pageType, viewport.Name);
                }
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public async Task HasNoViolationsAndNoSidewaysScrolling(string edition, string pageType, string viewportName)
    {
        SkipWithoutBrowser();
        var viewport = Viewport.Named(viewportName);
        var page = new ReaderPage(await Fixture.NewPageAsync(viewport), key => Fixture.Text(edition, key));

        var response = await page.GotoAsync(await PathOf(edition, pageType));
        var axe = await page.RunAxeAsync();
        var overflow = await page.HorizontalOverflowAsync();
        var overflowing = overflow > 0 ? await page.OverflowingElementsAsync() : [];
        var screenshots = Path.Combine(BrowserFixture.ArtifactsDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(Path.Combine(screenshots, $"{edition}-{pageType}-{viewport.Name}.png"));
        await page.Page.Context.CloseAsync();

        Assert.Equal(pageType == "not-found" ? 404 : 200, response?.Status);
        var violations = axe.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => n.Html)));
        Assert.True(axe.Violations.Length == 0, $"axe found on {edition}/{pageType}/{viewport.Name}:\n" + string.Join('\n', violations));
        Assert.True(overflow <= 0, $"{edition}/{pageType} scrolls sideways by {overflow}px at {viewport.Name}: {string.Join(", ", overflowing)}");
    }

    private Task<string> LiveCoveragePathAsync(string edition) =>
        Fixture.QueryAsync(async db => await db.Articles.Where(a => a.Edition.Code == edition && a.IsLiveCoverage).Select(a => $"/{edition}/a/{Uri.EscapeDataString(a.Slug)}/{a.Id}").FirstAsync());

    private async Task<string> PathOf(string edition, string pageType) => pageType switch
    {
        "front" => $"/{edition}",
        "article" => await Fixture.BreakingArticlePathAsync(edition),
        "lite" => await Fixture.BreakingArticlePathAsync(edition) + "/lite",
        "section" => edition == "fa" ? "/fa/s/jahan" : "/en/s/world",
        "source" => $"/{edition}/source/ap",
        "tag" => $"/{edition}/tag/" + Uri.EscapeDataString(edition == "fa" ? "سیل" : "floods"),
        "not-found" => $"/{edition}/a/no-such-story/987654",
        "search" => $"/{edition}/search?q=" + Uri.EscapeDataString(edition == "fa" ? "سلوان" : "Marisk"),
        "search-empty" => $"/{edition}/search?q=zzqxv",
        "corrections" => $"/{edition}/corrections",
        // A named journalist in English; a pen name in Persian.
        "author" => edition == "fa" ? "/fa/author/dariush-sepehr" : "/en/author/clara-hensley",
        "live" => await LiveCoveragePathAsync(edition),
        "live-earlier" => await LiveCoveragePathAsync(edition) + "/updates/" + await Fixture.QueryAsync(db => db.LiveUpdates.Where(u => u.Article.Edition.Code == edition).OrderBy(u => u.Id).Select(u => u.Id).Skip(5).FirstAsync()),
        "live-lite" => await LiveCoveragePathAsync(edition) + "/lite",
        _ => throw new ArgumentOutOfRangeException(nameof(pageType)),
    };
}
