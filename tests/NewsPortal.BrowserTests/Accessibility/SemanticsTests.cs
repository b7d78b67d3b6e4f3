using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.BrowserTests.Pages;

namespace NewsPortal.BrowserTests.Accessibility;

/// <summary>What axe cannot judge: landmarks that can be told apart, languages of links, a still banner.</summary>
public class SemanticsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [SkippableTheory]
    [InlineData("en")]
    [InlineData("fa")]
    public async Task TheSectionsAndTheLanguageSwitcherAreDistinctNavigationLandmarks(string edition)
    {
        SkipWithoutBrowser();
        var page = await OpenAsync($"/{edition}", edition);

        var sections = await page.MainNavigation.CountAsync();
        var languages = await page.LanguageNavigation.CountAsync();
        var names = await page.Navigations.EvaluateAllAsync<string[]>("navs => navs.map(n => n.getAttribute('aria-label') || document.getElementById(n.getAttribute('aria-labelledby'))?.textContent)");
        await page.Page.Context.CloseAsync();

        Assert.Equal(1, sections);
        Assert.Equal(1, languages);
        Assert.Equal(names.Length, names.Distinct().Count());
    }

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("fa")]
    public async Task EachLanguageLinkCarriesItsLanguageAndTheCurrentEditionIsMarked(string edition)
    {
        SkipWithoutBrowser();
        var page = await OpenAsync($"/{edition}", edition);

        var links = page.LanguageNavigation.GetByRole(AriaRole.Link);
        var langs = await links.EvaluateAllAsync<string[]>("links => links.map(a => a.lang)");
        var current = await page.LanguageNavigation.Locator("[aria-current]").EvaluateAllAsync<string[]>("links => links.map(a => a.lang)");
        await page.Page.Context.CloseAsync();

        Assert.Equal(["en", "ru", "uk", "fa"], langs);
        Assert.Equal([edition], current);
    }

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("fa")]
    public async Task TheBreakingBannerIsALabelledStillRegionThatDoesNotAnnounceItself(string edition)
    {
        SkipWithoutBrowser();
        var page = await OpenAsync($"/{edition}", edition);

        var banner = page.BreakingBanner;
        var count = await banner.CountAsync();
        var live = await banner.EvaluateAsync<string?>("el => el.closest('[aria-live]')?.getAttribute('aria-live') ?? el.querySelector('[aria-live], [role=alert], [role=status], marquee') ?.tagName ?? null");
        var before = await banner.BoundingBoxAsync();
        await page.Page.WaitForTimeoutAsync(1500);
        var after = await banner.BoundingBoxAsync();
        var moving = await page.MovingElementsAsync();
        await page.Page.Context.CloseAsync();

        Assert.Equal(1, count);
        Assert.Null(live);
        Assert.Equal(before?.X, after?.X);
        Assert.Equal(before?.Y, after?.Y);
        Assert.Empty(moving);
    }

    [SkippableFact]
    public async Task ReducedMotionLeavesNothingAnimated()
    {
        SkipWithoutBrowser();
        var page = new ReaderPage(await Fixture.NewPageAsync(Viewport.Desktop, ReducedMotion.Reduce), key => Fixture.Text("en", key));
        await page.GotoAsync(await Fixture.BreakingArticlePathAsync("en"));

        var moving = await page.MovingElementsAsync();
        var reduced = await page.Page.EvaluateAsync<bool>("() => matchMedia('(prefers-reduced-motion: reduce)').matches");
        await page.Page.Context.CloseAsync();

        Assert.True(reduced);
        Assert.Empty(moving);
    }

    [SkippableTheory]
    [InlineData("en", "ltr")]
    [InlineData("fa", "rtl")]
    public async Task ThePageTakesItsLanguageAndDirectionFromTheEdition(string edition, string dir)
    {
        SkipWithoutBrowser();
        var page = await OpenAsync(await Fixture.BreakingArticlePathAsync(edition), edition);

        var html = await page.Page.EvaluateAsync<string[]>("() => [document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction]");
        var translations = await page.Page.Locator(".article__translations li").EvaluateAllAsync<string[]>("items => items.map(li => li.lang + ':' + getComputedStyle(li).direction)");
        await page.Page.Context.CloseAsync();

        Assert.Equal([edition, dir, dir], html);
        Assert.All(translations, t => Assert.Equal(t.StartsWith("fa", StringComparison.Ordinal) ? "rtl" : "ltr", t.Split(':')[1]));
    }

    private async Task<ReaderPage> OpenAsync(string path, string edition)
    {
        var page = new ReaderPage(await Fixture.NewPageAsync(Viewport.Desktop), key => Fixture.Text(edition, key));
        await page.GotoAsync(path);
        return page;
    }
}
