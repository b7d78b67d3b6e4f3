using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace NewsPortal.BrowserTests.Pages;

/// <summary>How wide a story card's text is beside the card itself, in CSS pixels.</summary>
public sealed class CardWidths
{
    public double Text { get; set; }

    public double Card { get; set; }

    public bool HasPicture { get; set; }
}

/// <summary>What a focused element looks like to a keyboard user.</summary>
public sealed class FocusedElement
{
    public string Tag { get; set; } = "";

    public string Id { get; set; } = "";

    public string Text { get; set; } = "";

    public bool HasVisibleFocusIndicator { get; set; }

    public bool IsVisible { get; set; }

    public string? InsideLandmark { get; set; }
}

/// <summary>
/// Any reader page, as a reader reaches it: by role and accessible name, in the edition's language.
/// Page objects act and report; they never assert.
/// </summary>
public sealed class ReaderPage(IPage page, Func<string, string> text)
{
    public static readonly string[] AxeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    public IPage Page => page;

    public ILocator AccessibilityLinks => page.GetByRole(AriaRole.Navigation, new() { Name = text("AccessibilityLinks"), Exact = true });

    public ILocator SkipToMainContent => page.GetByRole(AriaRole.Link, new() { Name = text("SkipToMain"), Exact = true });

    public ILocator SkipToMainNavigation => page.GetByRole(AriaRole.Link, new() { Name = text("SkipToNavigation"), Exact = true });

    public ILocator SkipToSearch => page.GetByRole(AriaRole.Link, new() { Name = text("SkipToSearch"), Exact = true });

    public ILocator Main => page.GetByRole(AriaRole.Main);

    public ILocator MainNavigation => page.GetByRole(AriaRole.Navigation, new() { Name = text("MainNavigation"), Exact = true });

    public ILocator LanguageNavigation => page.GetByRole(AriaRole.Navigation, new() { Name = text("LanguageNavigation"), Exact = true });

    public ILocator SearchBox => page.GetByLabel(text("SearchLabel"), new() { Exact = true });

    public ILocator BreakingBanner => page.GetByRole(AriaRole.Region, new() { Name = text("BreakingNews"), Exact = true });

    public ILocator Navigations => page.GetByRole(AriaRole.Navigation);

    /// <summary>The updates of a live coverage, newest first.</summary>
    public ILocator LiveUpdates => page.Locator("#live-updates").GetByRole(AriaRole.Article);

    /// <summary>The "N new updates" button of an open coverage (shown only when there are some).</summary>
    public ILocator NewUpdatesButton => page.Locator("[data-live-notice]").GetByRole(AriaRole.Button);

    /// <summary>The switch that turns the new-updates notice on and off.</summary>
    public ILocator NewUpdatesSwitch => page.GetByLabel(text("NotifyNewUpdates"), new() { Exact = true });

    /// <summary>The polite status message a screen reader hears when new updates arrive.</summary>
    public ILocator LiveStatus => page.Locator("[data-live-notice]").GetByRole(AriaRole.Status);

    /// <summary>The reader comes back to the tab: an open coverage checks for new updates at once.</summary>
    public Task ReturnToTabAsync() => page.EvaluateAsync("() => document.dispatchEvent(new Event('visibilitychange'))");


    public async Task<IResponse?> GotoAsync(string path) => await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });

    public Task PressTabAsync() => page.Keyboard.PressAsync("Tab");

    public Task PressEnterAsync() => page.Keyboard.PressAsync("Enter");

    /// <summary>Describes <c>document.activeElement</c>: what it is, where it is, and whether focus can be seen.</summary>
    public Task<FocusedElement> FocusedElementAsync() => page.EvaluateAsync<FocusedElement>("""
        () => {
          const el = document.activeElement;
          const style = getComputedStyle(el);
          const rect = el.getBoundingClientRect();
          const indicator = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || (style.boxShadow && style.boxShadow !== 'none');
          const landmark = el.closest('main') ?? el.closest('nav') ?? el.closest('body > header, body > footer');
          return {
            tag: el.tagName.toLowerCase(),
            id: el.id || '',
            text: (el.innerText || el.value || '').trim().slice(0, 120),
            hasVisibleFocusIndicator: !!indicator,
            isVisible: rect.width > 1 && rect.height > 1 && rect.bottom > 0 && rect.right > 0 && rect.left < innerWidth,
            insideLandmark: landmark ? (landmark.id || landmark.tagName.toLowerCase()) : null,
          };
        }
        """);

    /// <summary>Elements reaching past the viewport's edge, as "tag.class", for a reflow failure message.</summary>
    public Task<string[]> OverflowingElementsAsync() => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('body *')].filter(el => {
          const r = el.getBoundingClientRect();
          return r.right > document.documentElement.clientWidth + 0.5 || r.left < -0.5;
        }).map(el => el.tagName.toLowerCase() + '.' + el.className).slice(0, 10)
        """);

    /// <summary>How many CSS pixels the page scrolls sideways (WCAG 1.4.10 reflow wants none).</summary>
    public Task<int> HorizontalOverflowAsync() =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    /// <summary>Elements that animate or transition, as "tag.class: property".</summary>
    public Task<string[]> MovingElementsAsync() => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('*')].filter(el => {
          const s = getComputedStyle(el);
          return s.animationName !== 'none' || s.transitionDuration.split(',').some(d => parseFloat(d) > 0);
        }).map(el => el.tagName.toLowerCase() + '.' + el.className)
        """);

    /// <summary>The (first) story card in the main content whose headline link is named <paramref name="headline"/>: the width of its text box and of the whole card.</summary>
    public Task<CardWidths> StoryCardWidthsAsync(string headline) =>
        Main.GetByRole(AriaRole.Link, new() { Name = headline, Exact = true }).First.EvaluateAsync<CardWidths>("""
            link => ({
              text: link.closest('.story-card__text').getBoundingClientRect().width,
              card: link.closest('.story-card').getBoundingClientRect().width,
              hasPicture: !!link.closest('.story-card').querySelector('img'),
            })
            """);

    /// <summary>The headlines of the story cards that show a picture.</summary>
    public Task<string[]> PicturedStoryHeadlinesAsync() => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('.story-card')].filter(card => card.querySelector('img')).map(card => card.querySelector('h2 a, h3 a').textContent.trim())
        """);

    public Task<AxeResult> RunAxeAsync() =>
        page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. AxeTags] } });

    public Task ScreenshotAsync(string path) => page.ScreenshotAsync(new() { Path = path, FullPage = true });
}
