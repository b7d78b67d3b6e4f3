using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.BrowserTests.Pages;
using NewsPortal.Web.Domain;

namespace NewsPortal.BrowserTests.Editor;

/// <summary>
/// What an editor types survives a closed tab, a crash, the end of the session and a sign-in: the browser
/// keeps a local copy and offers it back, the page warns before the session ends and keeps it going, and a
/// save after the end brings the text back through a sign-in page. Long waits are the page's fake clock.
/// </summary>
public class EditorDraftTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "a long newsroom pass phrase";
    private const string NewForm = "/editor/articles/new?edition=en";
    private const string NewKey = "new:en:-";

    private async Task<EditorPage> SignedInAsync(bool fakeClock = false)
    {
        var page = new EditorPage(await Fixture.NewPageAsync(Viewport.Desktop));
        if (fakeClock)
        {
            await page.Page.Clock.InstallAsync();
        }

        await page.SignInAsync(await Fixture.CreateUserAsync(NewsroomRoles.Writer, Password), Password);
        return page;
    }

    private static string Headline() => $"Ferry timetable changes {Guid.NewGuid():N}"[..40];

    private static string Violations(Deque.AxeCore.Commons.AxeResult axe) =>
        string.Join('\n', axe.Violations.Select(v => $"{v.Id}: {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => n.Html))));

    [SkippableFact]
    public async Task TextTypedBeforeTheTabClosedIsOfferedBackAndRestored()
    {
        SkipWithoutBrowser();
        var page = await SignedInAsync();
        var headline = Headline();
        await page.GotoAsync(NewForm);
        await page.Field("Headline").FillAsync(headline);
        await page.Field("Body (Markdown)").FillAsync("First line of the story.\n\nSecond paragraph.");
        await page.Field("The image is decorative (adds nothing a reader would miss)").CheckAsync();
        await page.WaitForLocalDraftAsync(NewKey);
        await page.Page.CloseAsync();

        var reopened = new EditorPage(await page.Page.Context.NewPageAsync());
        await reopened.GotoAsync(NewForm);
        var offer = reopened.Region("Unsaved text in this browser");
        await offer.WaitForAsync();
        var focused = await reopened.FocusedAsync();
        var axe = await reopened.RunAxeAsync();
        await reopened.ButtonStartingWith("Restore my unsaved text from ").ClickAsync();
        var restoredHeadline = await reopened.Field("Headline").InputValueAsync();
        var restoredBody = await reopened.Field("Body (Markdown)").InputValueAsync();
        var decorative = await reopened.Field("The image is decorative (adds nothing a reader would miss)").IsCheckedAsync();
        var said = await offer.GetByRole(AriaRole.Status).InnerTextAsync();
        await reopened.Page.Context.CloseAsync();

        Assert.Equal("Unsaved text in this browser", focused);
        Assert.True(axe.Violations.Length == 0, Violations(axe));
        Assert.Equal(headline, restoredHeadline);
        Assert.Equal("First line of the story.\n\nSecond paragraph.", restoredBody);
        Assert.True(decorative);
        Assert.StartsWith("Your unsaved text is back in the form. It is not saved yet", said, StringComparison.Ordinal);
        Assert.Equal(0, await Fixture.QueryAsync(db => db.Articles.CountAsync(a => a.Headline == headline)));
    }

    [SkippableFact]
    public async Task DiscardingTheLocalCopyLeavesTheFormAsSavedAndForgetsIt()
    {
        SkipWithoutBrowser();
        var page = await SignedInAsync();
        await page.GotoAsync(NewForm);
        await page.Field("Headline").FillAsync(Headline());
        await page.WaitForLocalDraftAsync(NewKey);
        await page.GotoAsync(NewForm);

        await page.Region("Unsaved text in this browser").WaitForAsync();
        await page.Button("Discard it").ClickAsync();
        var headline = await page.Field("Headline").InputValueAsync();
        var drafts = await page.LocalDraftsAsync();
        await page.Page.GotoAsync(NewForm);
        var offeredAgain = await page.Region("Unsaved text in this browser").CountAsync();
        await page.Page.Context.CloseAsync();

        Assert.Equal("", headline);
        Assert.Empty(drafts);
        Assert.Equal(0, offeredAgain);
    }

    [SkippableFact]
    public async Task ASuccessfulSaveForgetsTheLocalCopyAndSigningOutForgetsThemAll()
    {
        SkipWithoutBrowser();
        var page = await SignedInAsync();
        await page.GotoAsync(NewForm);
        await page.Field("Headline").FillAsync(Headline());
        await page.WaitForLocalDraftAsync(NewKey);
        await page.Button("Save draft").ClickAsync();
        await page.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." }).WaitForAsync();
        var afterSave = await page.LocalDraftsAsync();

        await page.Field("Lead").FillAsync("A lead typed after the save and never saved.");
        var key = await page.Page.GetAttributeAsync("#article-form", "data-draft-key");
        await page.WaitForLocalDraftAsync(key!);
        var beforeSignOut = await page.LocalDraftsAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Sign out") }).ClickAsync();
        await page.Page.WaitForURLAsync("**/editor/login");
        var afterSignOut = await page.LocalDraftsAsync();
        await page.Page.Context.CloseAsync();

        Assert.Empty(afterSave);
        Assert.Equal(["newsportal-draft:" + key], beforeSignOut);
        Assert.Empty(afterSignOut);
    }

    [SkippableFact]
    public async Task AWarningBeforeTheSessionEndsOffersToStaySignedIn()
    {
        SkipWithoutBrowser();
        var page = await SignedInAsync(fakeClock: true);
        await page.GotoAsync(NewForm);
        await page.Field("Headline").FillAsync(Headline());

        await page.Page.Clock.FastForwardAsync("26:00");
        var warning = page.AlertDialog("Your session is about to end");
        await warning.WaitForAsync();
        var focused = await page.FocusedAsync();
        var text = await warning.InnerTextAsync();
        var axe = await page.RunAxeAsync();
        await page.Button("Stay signed in").ClickAsync();
        await warning.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var status = page.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "You stay signed in." });
        await status.WaitForAsync();
        var said = await status.InnerTextAsync();
        var focusAfter = await page.Page.EvaluateAsync<string>("() => document.activeElement.id");
        await page.Page.Context.CloseAsync();

        Assert.Equal("Stay signed in", focused);
        Assert.Contains("Your text is kept in this browser", text, StringComparison.Ordinal);
        Assert.True(axe.Violations.Length == 0, Violations(axe));
        Assert.StartsWith("You stay signed in. Your session now ends at ", said, StringComparison.Ordinal);
        Assert.Equal("Headline", focusAfter);
    }

    [SkippableFact]
    public async Task TheTwelveHourLimitIsNamedAndOffersNoWayToStay()
    {
        SkipWithoutBrowser();
        var page = await SignedInAsync(fakeClock: true);
        await page.GotoAsync("/editor");
        // As the page says when the 12-hour limit comes before the idle one.
        await page.Page.EvaluateAsync("() => document.body.dataset.sessionLimit = 'absolute'");

        await page.Page.Clock.FastForwardAsync("26:00");
        var warning = page.AlertDialog("Your session is about to end");
        await warning.WaitForAsync();
        var text = await warning.InnerTextAsync();
        var stay = await page.Button("Stay signed in").CountAsync();
        var focused = await page.FocusedAsync();
        await page.Page.Context.CloseAsync();

        Assert.Contains("a session lasts at most 12 hours and cannot be extended", text, StringComparison.Ordinal);
        Assert.Equal(0, stay);
        Assert.Equal("Close this message", focused);
    }

    [SkippableFact]
    public async Task WhenTheSessionHasEndedThePageSaysSoAndASaveComesBackThroughSignIn()
    {
        SkipWithoutBrowser();
        var email = await Fixture.CreateUserAsync(NewsroomRoles.Writer, Password);
        var page = new EditorPage(await Fixture.NewPageAsync(Viewport.Desktop));
        await page.Page.Clock.InstallAsync();
        await page.SignInAsync(email, Password);
        var headline = Headline();
        await page.GotoAsync(NewForm);
        await page.Field("Headline").FillAsync(headline);
        await page.Field("Body (Markdown)").FillAsync("Text written while the session ran out.");
        await page.WaitForLocalDraftAsync(NewKey);

        // Signed out behind the page's back (another tab, or the server's idle limit), and the clock runs out.
        await page.Page.Context.ClearCookiesAsync();
        await page.Page.Clock.FastForwardAsync("31:00");
        var ended = page.Alert("Your session has ended");
        await ended.WaitForAsync();
        var endedFocused = await page.FocusedAsync();
        var keptLocally = await page.LocalDraftsAsync();

        await page.Button("Save draft").ClickAsync();
        await page.Heading.Filter(new() { HasText = "Your session ended" }).WaitForAsync();
        var endedPageAxe = await page.RunAxeAsync();
        await page.Field("Email address").FillAsync(email);
        await page.Field("Password").FillAsync(Password);
        await page.Button("Sign in and return to my text").ClickAsync();
        await page.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Signed in again." }).WaitForAsync();
        var headlineBack = await page.Field("Headline").InputValueAsync();
        var bodyBack = await page.Field("Body (Markdown)").InputValueAsync();
        var offered = await page.Region("Unsaved text in this browser").CountAsync();
        await page.Page.Context.CloseAsync();

        Assert.Equal("Your session has ended", endedFocused);
        Assert.Equal(["newsportal-draft:" + NewKey], keptLocally);
        Assert.True(endedPageAxe.Violations.Length == 0, Violations(endedPageAxe));
        Assert.Equal(headline, headlineBack);
        Assert.Equal("Text written while the session ran out.", bodyBack);
        // The form already shows what the browser kept: nothing to offer.
        Assert.Equal(0, offered);
        Assert.Equal(0, await Fixture.QueryAsync(db => db.Articles.CountAsync(a => a.Headline == headline)));
    }
}
