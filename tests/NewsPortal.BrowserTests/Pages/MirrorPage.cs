using Microsoft.Playwright;

namespace NewsPortal.BrowserTests.Pages;

/// <summary>What a reader's browser made of one page of the static copy once it had loaded.</summary>
public sealed class MirrorPageState
{
    public string Title { get; set; } = "";

    /// <summary>Whether the page links the site's stylesheet (full pages do; text-only pages carry their own few rules).</summary>
    public bool LinksStylesheet { get; set; }

    /// <summary>Whether the site's stylesheet shaped the page: the body's margin and text size are the sheet's, not the browser's.</summary>
    public bool Styled { get; set; }

    /// <summary>The pictures that did not load, by address.</summary>
    public string[] BrokenImages { get; set; } = [];

    /// <summary>The absolute address of every link on the page, as the browser resolved it.</summary>
    public string[] Links { get; set; } = [];
}

/// <summary>
/// A page of the static copy of the editions, opened from disk or from another server, reached by role and accessible
/// name in the edition's language. It never asserts: the tests do.
/// </summary>
public sealed class MirrorPage(IPage page, Func<string, string> text)
{
    public IPage Page => page;

    public ILocator Main => page.GetByRole(AriaRole.Main);

    public ILocator MainNavigation => page.GetByRole(AriaRole.Navigation, new() { Name = text("MainNavigation"), Exact = true });

    public ILocator LanguageNavigation => page.GetByRole(AriaRole.Navigation, new() { Name = text("LanguageNavigation"), Exact = true });

    /// <summary>The headline link of the first story listed in the main content.</summary>
    public ILocator FirstStory => Main.GetByRole(AriaRole.Article).First.GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link);

    public ILocator TextOnlyVersion => Main.GetByRole(AriaRole.Link, new() { Name = text("TextOnlyVersion"), Exact = true });

    public ILocator OlderStories => page.GetByRole(AriaRole.Navigation, new() { Name = text("Pages"), Exact = true })
        .GetByRole(AriaRole.Link, new() { Name = text("OlderStories"), Exact = true });

    public ILocator NewerStories => page.GetByRole(AriaRole.Navigation, new() { Name = text("Pages"), Exact = true })
        .GetByRole(AriaRole.Link, new() { Name = text("NewerStories"), Exact = true });

    public ILocator Section(string name) => MainNavigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public ILocator Edition(string nativeName) => LanguageNavigation.GetByRole(AriaRole.Link, new() { Name = nativeName, Exact = true });

    public Task<IResponse?> OpenAsync(string address) => page.GotoAsync(address, new() { WaitUntil = WaitUntilState.Load });

    /// <summary>Follows a link as a reader does, and waits for the page it leads to.</summary>
    public async Task<IResponse?> FollowAsync(ILocator link)
    {
        var response = page.WaitForResponseAsync(r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame);
        await link.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        return await response;
    }

    /// <summary>
    /// The loaded page's title, stylesheet, pictures and links. Pictures the page defers (<c>loading="lazy"</c>) are
    /// fetched first, as scrolling to them would, so every picture of the page is judged, not only those in view.
    /// </summary>
    public Task<MirrorPageState> StateAsync() => page.EvaluateAsync<MirrorPageState>("""
        async () => {
          const images = [...document.images];
          for (const image of images) { image.loading = 'eager'; }
          await Promise.race([
            Promise.all(images.map(image => image.complete ? null : new Promise(done => { image.addEventListener('load', done); image.addEventListener('error', done); }))),
            new Promise(done => setTimeout(done, 5000)),
          ]);
          const body = getComputedStyle(document.body);
          return {
            title: document.title.trim(),
            linksStylesheet: !!document.querySelector('link[rel=stylesheet]'),
            styled: body.marginTop === '0px' && body.fontSize === '17px',
            brokenImages: images.filter(image => !(image.complete && image.naturalWidth > 0)).map(image => image.currentSrc || image.src),
            links: [...document.querySelectorAll('a[href]')].map(a => a.href),
          };
        }
        """);

    /// <summary>The id of the element that has focus.</summary>
    public Task<string> FocusedIdAsync() => page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''");
}
