using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.BrowserTests.Pages;

namespace NewsPortal.BrowserTests.Accessibility;

/// <summary>The accessibility links, used with the keyboard alone, as a screen-reader or keyboard user would.</summary>
public class KeyboardTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [SkippableTheory]
    [InlineData("en")]
    [InlineData("fa")]
    public async Task TheFirstTabFocusesSkipToMainContentVisiblyAndEnterMovesIntoMain(string edition)
    {
        SkipWithoutBrowser();
        var page = await OpenArticleAsync(edition);

        await page.PressTabAsync();
        var first = await page.FocusedElementAsync();
        await page.PressEnterAsync();
        var afterEnter = await page.FocusedElementAsync();
        await page.PressTabAsync();
        var next = await page.FocusedElementAsync();
        await page.Page.Context.CloseAsync();

        Assert.Equal(Fixture.Text(edition, "SkipToMain"), first.Text);
        Assert.True(first.IsVisible, "the skip link is hidden while it has focus");
        Assert.True(first.HasVisibleFocusIndicator, "the skip link shows no focus indicator");
        Assert.Equal("main-content", afterEnter.Id);
        Assert.Equal("main-content", next.InsideLandmark);
    }

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("fa")]
    public async Task SkipToMainNavigationMovesFocusToTheSections(string edition)
    {
        SkipWithoutBrowser();
        var page = await OpenArticleAsync(edition);

        await page.PressTabAsync();
        await page.PressTabAsync();
        var link = await page.FocusedElementAsync();
        await page.PressEnterAsync();
        var target = await page.FocusedElementAsync();
        await page.PressTabAsync();
        var firstSection = await page.FocusedElementAsync();
        await page.Page.Context.CloseAsync();

        Assert.Equal(Fixture.Text(edition, "SkipToNavigation"), link.Text);
        Assert.True(link.IsVisible && link.HasVisibleFocusIndicator);
        Assert.Equal("main-navigation", target.Id);
        Assert.Equal("main-navigation", firstSection.InsideLandmark);
        Assert.Equal("a", firstSection.Tag);
    }

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("fa")]
    public async Task SkipToSearchPutsTheCursorInTheSearchBox(string edition)
    {
        SkipWithoutBrowser();
        var page = await OpenArticleAsync(edition);

        for (var i = 0; i < 3; i++)
        {
            await page.PressTabAsync();
        }

        var link = await page.FocusedElementAsync();
        await page.PressEnterAsync();
        var target = await page.FocusedElementAsync();
        var query = edition == "fa" ? "سلوان" : "Marisk";
        await page.Page.Keyboard.TypeAsync(query);

        // Enter only once the words are in the box, and the wait for the results page starts before the key is
        // pressed, so a fast answer cannot come and go before the test looks for it.
        await page.Page.WaitForFunctionAsync("q => document.activeElement && document.activeElement.value === q", query);
        var resultsPage = page.Page.WaitForURLAsync("**/search?q=*");
        await page.PressEnterAsync();
        await resultsPage;
        var results = await page.Main.GetByRole(Microsoft.Playwright.AriaRole.Link).CountAsync();
        await page.Page.Context.CloseAsync();

        Assert.Equal(Fixture.Text(edition, "SkipToSearch"), link.Text);
        Assert.True(link.IsVisible && link.HasVisibleFocusIndicator);
        Assert.Equal("search-query", target.Id);
        Assert.True(results > 0, "searching from the keyboard found nothing");
    }

    [SkippableFact]
    public async Task EveryInteractiveElementShowsWhereFocusIs()
    {
        SkipWithoutBrowser();
        var page = await OpenArticleAsync("en");
        var focusable = await page.Page.Locator("a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])").CountAsync();
        var withoutIndicator = new List<string>();

        for (var i = 0; i < focusable; i++)
        {
            await page.PressTabAsync();
            var focused = await page.FocusedElementAsync();
            if (!focused.HasVisibleFocusIndicator || !focused.IsVisible)
            {
                withoutIndicator.Add($"{focused.Tag}#{focused.Id} “{focused.Text}”");
            }
        }

        await page.Page.Context.CloseAsync();
        Assert.True(focusable > 20, $"only {focusable} focusable elements on an article page");
        Assert.Empty(withoutIndicator);
    }

    private async Task<ReaderPage> OpenArticleAsync(string edition)
    {
        var page = new ReaderPage(await Fixture.NewPageAsync(Viewport.Desktop), key => Fixture.Text(edition, key));
        await page.GotoAsync(await Fixture.BreakingArticlePathAsync(edition));
        return page;
    }
}
