using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.BrowserTests.Pages;
using NewsPortal.Web.Domain;

namespace NewsPortal.BrowserTests.Editor;

/// <summary>Two editors in two browsers on one story: the lock page, the read-only view, a take-over, and the displaced editor told and her text kept.</summary>
public class EditLockTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "a long newsroom pass phrase";

    private async Task<EditorPage> SignedInAsync(string displayName)
    {
        var email = await Fixture.CreateUserAsync(NewsroomRoles.Editor, Password);
        await Fixture.QueryAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, displayName)));
        var page = new EditorPage(await Fixture.NewPageAsync(Viewport.Desktop));
        // The heartbeat runs on the page's clock, which the test moves on instead of waiting half a minute.
        await page.Page.Clock.InstallAsync();
        await page.SignInAsync(email, Password);
        return page;
    }

    [SkippableFact]
    public async Task AColleagueSeesTheLockReadsTheArticleTakesItOverAndTheFirstEditorIsToldAndLosesNothing()
    {
        SkipWithoutBrowser();
        var ana = await SignedInAsync("Ana Browser");
        var headline = $"Harbour pilots strike {Guid.NewGuid():N}"[..38];
        await ana.GotoAsync("/editor/articles/new?edition=en");
        await ana.Field("Headline").FillAsync(headline);
        await ana.Field("Body (Markdown)").FillAsync("The starting text.");
        await ana.SubmitAsync("Save draft");
        var editUrl = ana.Page.Url;
        var id = await Fixture.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.Id).SingleAsync());
        var since = await Fixture.QueryAsync(db => db.EditLocks.Where(l => l.ArticleId == id).Select(l => l.Since).SingleAsync());

        // Bob opens it: the lock page names Ana and since when, and offers read-only and take-over.
        var bob = await SignedInAsync("Bob Browser");
        var lockResponse = await bob.GotoAsync(editUrl);
        var lockHeading = await bob.Heading.InnerTextAsync();
        var holder = await bob.Page.GetByText("Ana Browser has been editing since").InnerTextAsync();
        var lockAxe = await bob.RunAxeAsync();

        // With the keyboard alone: Tab to "Open read-only", Enter; later Tab to "Take over editing", Enter.
        var reachedReadOnly = await bob.TabToAsync("Open read-only");
        await bob.PressAndWaitForPageAsync("Enter");
        var readOnlyHeading = await bob.Heading.InnerTextAsync();
        var headlineEditable = await bob.Field("Headline").IsEditableAsync();
        var bodyEditable = await bob.Field("Body (Markdown)").IsEditableAsync();
        var saveButtons = await bob.Button("Save draft").CountAsync() + await bob.Button("Publish now").CountAsync();
        var readOnlyAxe = await bob.RunAxeAsync();

        // Ana keeps typing; Bob takes over.
        await ana.Field("Body (Markdown)").FillAsync("Ana's paragraph, typed before the take-over.");
        var reachedTakeOver = await bob.TabToAsync("Take over editing");
        await bob.PressAndWaitForPageAsync("Enter");
        var bobsNotice = await bob.Page.GetByRole(AriaRole.Status).First.InnerTextAsync();
        var bobHasForm = await bob.Field("Headline").IsEditableAsync();
        var takenAt = await Fixture.QueryAsync(db => db.EditLocks.Where(l => l.ArticleId == id).Select(l => l.TakenOverAt).SingleAsync());

        // Ana's next heartbeat tells her, once, without moving her focus.
        await ana.Field("Body (Markdown)").FocusAsync();
        await ana.Page.Clock.FastForwardAsync("00:31");
        var told = ana.AlertSaying("Bob Browser took over editing at");
        await told.WaitForAsync();
        var toldText = await told.InnerTextAsync();
        var focusAfterTelling = await ana.FocusedIdAsync();

        // She saves anyway: nothing is applied, and nothing she typed is lost.
        await ana.SubmitAsync("Save draft");
        var keptNotice = await ana.AlertSaying("Your text was kept as a revision").InnerTextAsync();
        var revisionsLink = await ana.Link("See the revisions").CountAsync();
        var keptAxe = await ana.RunAxeAsync();
        await ana.Page.Context.CloseAsync();
        await bob.Page.Context.CloseAsync();

        Assert.Equal(200, lockResponse?.Status);
        Assert.Equal("Someone else is editing this article", lockHeading);
        Assert.Equal($"Ana Browser has been editing since {since.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC.", holder.Trim());
        Assert.True(lockAxe.Violations.Length == 0, "axe on the lock page:\n" + Describe(lockAxe));
        Assert.True(reachedReadOnly);
        Assert.True(reachedTakeOver);
        Assert.Equal("Article (read-only)", readOnlyHeading);
        Assert.False(headlineEditable);
        Assert.False(bodyEditable);
        Assert.Equal(0, saveButtons);
        Assert.True(readOnlyAxe.Violations.Length == 0, "axe on the read-only form:\n" + Describe(readOnlyAxe));
        Assert.Equal("You took over editing from Ana Browser. They will be told, and anything saved from their form now is kept as a revision.", bobsNotice);
        Assert.True(bobHasForm);
        Assert.Equal($"Bob Browser took over editing at {takenAt!.Value.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC. If you save now, your text will be kept as a revision and not applied to the article.", toldText.Trim());
        Assert.Equal("Body", focusAfterTelling);
        // Told already by the heartbeat, she is told now who is editing, and where her text went.
        Assert.StartsWith("Bob Browser has been editing since ", keptNotice.Trim(), StringComparison.Ordinal);
        Assert.Contains("Your text was kept as a revision and not applied to the article.", keptNotice, StringComparison.Ordinal);
        Assert.Equal(1, revisionsLink);
        Assert.True(keptAxe.Violations.Length == 0, "axe on the lock page with the kept-text notice:\n" + Describe(keptAxe));
        var stored = await Fixture.QueryAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyMarkdown).SingleAsync());
        Assert.Equal("The starting text.", stored);
        var kept = await Fixture.QueryAsync(db => db.Revisions.Where(r => r.ArticleId == id && r.IsSetAside).Select(r => r.BodyMarkdown).SingleAsync());
        Assert.Equal("Ana's paragraph, typed before the take-over.", kept);
    }

    private static string Describe(Deque.AxeCore.Commons.AxeResult axe) =>
        string.Join('\n', axe.Violations.Select(v => $"{v.Id}: {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => n.Html))));
}
