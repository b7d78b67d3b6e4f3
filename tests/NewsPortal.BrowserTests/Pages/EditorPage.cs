using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace NewsPortal.BrowserTests.Pages;

/// <summary>The editor area as a keyboard user works it: fields found by their labels, buttons by their names. Never asserts.</summary>
public sealed class EditorPage(IPage page)
{
    public IPage Page => page;

    public ILocator Field(string label) => page.GetByLabel(label, new() { Exact = true });

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Link(string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>A fieldset or other group, by its legend.</summary>
    public ILocator Group(string name) => page.GetByRole(AriaRole.Group, new() { Name = name, Exact = true });

    /// <summary>The label (or text) of the focused element, once something has taken focus: autofocus is applied after the page loads.</summary>
    public async Task<string> FocusedLabelAsync()
    {
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement !== document.body", null, new() { Timeout = 5000 });
        return await FocusedLabelNowAsync();
    }

    private Task<string> FocusedLabelNowAsync() =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return (e.labels && e.labels[0] ? e.labels[0].innerText : e.innerText || '').trim(); }");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Region(string name) => page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });

    public ILocator AlertDialog(string name) => page.GetByRole(AriaRole.Alertdialog, new() { Name = name, Exact = true });

    public ILocator Alert(string name) => page.GetByRole(AriaRole.Alert, new() { Name = name, Exact = true });

    /// <summary>An alert (whose name is not its text) by the text it says.</summary>
    public ILocator AlertSaying(string text) => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = text });

    /// <summary>The id of the element that has focus (empty for the page itself).</summary>
    public Task<string> FocusedIdAsync() => page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''");

    /// <summary>A button whose name starts with <paramref name="prefix"/> (its end is a time).</summary>
    public ILocator ButtonStartingWith(string prefix) =>
        page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(prefix)) });

    /// <summary>The accessible text of the element that has focus: its aria-label, its heading's text or its own text.</summary>
    public Task<string> FocusedAsync() => page.EvaluateAsync<string>(
        "() => { const e = document.activeElement; const by = e.getAttribute('aria-labelledby'); return (by ? document.getElementById(by).innerText : e.innerText || e.value || '').trim(); }");

    /// <summary>The names of the local copies of the article form this browser keeps.</summary>
    public Task<string[]> LocalDraftsAsync() =>
        page.EvaluateAsync<string[]>("() => Object.keys(localStorage).filter(k => k.startsWith('newsportal-draft:')).sort()");

    /// <summary>Waits until the browser has kept a local copy (the script stores it a moment after typing stops).</summary>
    public Task WaitForLocalDraftAsync(string key) =>
        page.WaitForFunctionAsync("key => localStorage.getItem('newsportal-draft:' + key) !== null", key);

    public Task<IResponse?> GotoAsync(string path) => page.GotoAsync(path);

    /// <summary>
    /// What on the open page could run script: event-handler attributes, <c>javascript:</c> addresses, frames and
    /// plug-ins, script elements that are not the site's own, JSON-LD that no longer parses. Empty when nothing.
    /// </summary>
    public Task<string[]> HostileMarkupAsync() => page.EvaluateAsync<string[]>("() => { " + HostileMarkupScript + " return findHostile(document); }");

    /// <summary>
    /// Fetches a feed and renders what a feed reader renders as HTML (RSS descriptions, Atom text of type html or
    /// xhtml), reporting what in it could run script; also when the feed is not well-formed XML.
    /// </summary>
    public Task<string[]> HostileFeedMarkupAsync(string path) => page.EvaluateAsync<string[]>("async path => { " + HostileMarkupScript + @"
        {
            const text = await (await fetch(path)).text();
            const xml = new DOMParser().parseFromString(text, 'application/xml');
            if (xml.querySelector('parsererror')) return ['not well-formed XML'];
            const found = [];
            // As a feed reader reads them: an RSS description (and content:encoded) is HTML, an RSS title is text;
            // an Atom text construct is HTML only when it says type=""html"", XHTML markup when type=""xhtml"".
            const isAtom = xml.documentElement.localName === 'feed';
            for (const node of xml.querySelectorAll('*')) {
                const type = node.getAttribute('type');
                let markup = null;
                if (isAtom && ['title', 'subtitle', 'summary', 'content', 'rights'].includes(node.localName)) {
                    markup = type === 'html' ? node.textContent : type === 'xhtml' ? new XMLSerializer().serializeToString(node) : null;
                } else if (!isAtom && (node.localName === 'description' || node.localName === 'encoded')) {
                    markup = node.textContent;
                }
                if (markup === null) continue;
                const html = new DOMParser().parseFromString('<body>' + markup + '</body>', 'text/html');
                found.push(...findHostile(html).map(f => node.nodeName + ': ' + f));
            }
            return found;
        } }", path);

    private const string HostileMarkupScript = @"
        function findHostile(doc) {
            const found = [];
            for (const e of doc.querySelectorAll('*')) {
                for (const a of e.attributes) {
                    if (a.name.toLowerCase().startsWith('on')) found.push(e.tagName + ' ' + a.name + '=' + a.value.slice(0, 40));
                    if (/^\s*(javascript|vbscript|data):/i.test(a.value) && ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster'].includes(a.name.toLowerCase()))
                        found.push(e.tagName + ' ' + a.name + '=' + a.value.slice(0, 40));
                }
                if (['IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE', 'META'].includes(e.tagName.toUpperCase()) && e.closest('head') === null) found.push('element ' + e.tagName);
            }
            for (const s of doc.querySelectorAll('script')) {
                if (s.type === 'application/ld+json' || s.type === 'application/json') {
                    try { JSON.parse(s.textContent); } catch { found.push('script ' + s.type + ' no longer parses'); }
                } else if (!s.src || new URL(s.src, location.href).origin !== location.origin) {
                    found.push('script ' + (s.src || s.textContent.slice(0, 40)));
                }
            }
            return found;
        }";

    /// <summary>The field whose label starts with <paramref name="label"/> (labels that also state a limit, such as the picture's).</summary>
    public ILocator FieldStartingWith(string label) => page.GetByLabel(label, new() { Exact = false }).First;

    /// <summary>The problems shown above the article form.</summary>
    public ILocator Problems => page.GetByRole(AriaRole.Alert);

    /// <summary>Chooses a file from disk for the file field labelled <paramref name="label"/>.</summary>
    public Task ChooseFileAsync(string label, string path) => FieldStartingWith(label).SetInputFilesAsync(path);

    /// <summary>Clicks a button that submits a form and waits for the page it leads to, whatever its status.</summary>
    public async Task<IResponse?> SubmitAsync(string button)
    {
#pragma warning disable CS0612 // RunAndWaitForNavigation is the one wait that also covers a redirect back to the same URL.
        var response = await page.RunAndWaitForNavigationAsync(() => Button(button).ClickAsync());
#pragma warning restore CS0612
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.Load);
        return response;
    }

    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync("/editor/login");
        await Field("Email address").FillAsync(email);
        await Field("Password").FillAsync(password);
        // Waits for the document the sign-in leads to (through its redirect), not its load event, which can trail
        // behind on a busy machine; nothing after sign-in needs more than the document. A sign-in that ends anywhere
        // but the dashboard says where it ended and what that page said.
#pragma warning disable CS0612 // RunAndWaitForNavigation is the one wait that follows the POST through its redirect.
        await page.RunAndWaitForNavigationAsync(
            () => Button("Sign in").ClickAsync(),
            new() { WaitUntil = Microsoft.Playwright.WaitUntilState.DOMContentLoaded, Timeout = 90_000 });
#pragma warning restore CS0612
        if (!new Uri(page.Url).AbsolutePath.Equals("/editor", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The sign-in ended on {page.Url}, not the dashboard: {await page.InnerTextAsync("body")}");
        }
    }

    /// <summary>Presses Tab until the element with <paramref name="id"/> (or the link or button with that text) has focus; false when it never does.</summary>
    public async Task<bool> TabToAsync(string idOrText, int limit = 120)
    {
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => document.activeElement.id + '|' + (document.activeElement.innerText || '').replace(/\\s+/g, ' ').trim()");
            var parts = focused.Split('|', 2);
            if (parts[0] == idOrText || parts[1] == idOrText)
            {
                return true;
            }
        }

        return false;
    }

    public Task TypeAsync(string text) => page.Keyboard.TypeAsync(text);

    public Task PressAsync(string key) => page.Keyboard.PressAsync(key);

    /// <summary>Presses a key that follows a link or submits a form, and waits for the page it leads to.</summary>
    public async Task PressAndWaitForPageAsync(string key)
    {
#pragma warning disable CS0612 // RunAndWaitForNavigation is the one wait that also covers a redirect back to the same URL.
        await page.RunAndWaitForNavigationAsync(() => page.Keyboard.PressAsync(key));
#pragma warning restore CS0612
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.Load);
    }

    public Task<AxeResult> RunAxeAsync() =>
        page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. ReaderPage.AxeTags] } });

    public Task<int> HorizontalOverflowAsync() =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    public Task ScreenshotAsync(string path) => page.ScreenshotAsync(new() { Path = path, FullPage = true });
}
