using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.BrowserTests.Pages;
using NewsPortal.Web.Domain;

namespace NewsPortal.BrowserTests.Editor;

/// <summary>The article form as a newsroom works it: credits put in order by keyboard, two editors on one story.</summary>
public class ArticleEditingTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "a long newsroom pass phrase";

    private async Task<EditorPage> SignedInEditorAsync()
    {
        var page = new EditorPage(await Fixture.NewPageAsync(Viewport.Desktop));
        await page.SignInAsync(await Fixture.CreateUserAsync(NewsroomRoles.Editor, Password), Password);
        return page;
    }

    private static async Task AddCreditAsync(EditorPage page, string source)
    {
        await page.Field("Add a credit").SelectOptionAsync(new SelectOptionValue { Label = source });
        await page.Page.RunAndWaitForResponseAsync(() => page.Button("Add credit").ClickAsync(), r => r.Request.Method == "POST");
        await page.Page.WaitForLoadStateAsync(LoadState.Load);
    }

    [SkippableFact]
    public async Task TagsTypedOnTheFormBecomeLinksToTheirPagesOnTheArticle()
    {
        SkipWithoutBrowser();
        var page = await SignedInEditorAsync();
        var topic = $"Grain {Guid.NewGuid():N}"[..14];
        var headline = $"Grain barges sail again {Guid.NewGuid():N}"[..40];
        await page.GotoAsync("/editor/articles/new?edition=en");
        await page.Field("Headline").FillAsync(headline);
        await page.Field("Lead").FillAsync("The first barges left at dawn.");
        await page.Field("Body (Markdown)").FillAsync("The river is open to barges again.");
        await page.Field("Tags").FillAsync($"Trade, {topic}");
        var suggested = await page.Page.Locator("datalist#tag-options option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        await AddCreditAsync(page, "AP — Associated Press");

        Assert.True(await page.TabToAsync("Publish now"));
        await page.PressAndWaitForPageAsync("Enter");
        var article = await Fixture.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => new { a.Slug, a.Id }).SingleAsync());
        await page.GotoAsync($"/en/a/{article.Slug}/{article.Id}");
        var links = await page.Page.Locator(".article__tags a").AllInnerTextsAsync();
        await page.Page.Locator(".article__tags a").Last.ClickAsync();
        await page.Page.WaitForLoadStateAsync(LoadState.Load);
        var heading = await page.Page.Locator("main h1").InnerTextAsync();
        await page.Page.Context.CloseAsync();

        Assert.Contains("Trade", suggested);
        Assert.Equal(["Trade", topic], links);
        Assert.Equal(topic, heading);
    }

    [SkippableFact]
    public async Task CreditsAreOrderedWithTheKeyboardAndTheCreditLineFollows()
    {
        SkipWithoutBrowser();
        var page = await SignedInEditorAsync();
        var headline = $"Grain corridor talks resume {Guid.NewGuid():N}"[..44];
        await page.GotoAsync("/editor/articles/new?edition=en");
        await page.Field("Headline").FillAsync(headline);
        await page.Field("Lead").FillAsync("Negotiators meet again on Monday.");
        await page.Field("Body (Markdown)").FillAsync("The talks resume after a month.");
        await AddCreditAsync(page, "AFP — Agence France-Presse");
        await AddCreditAsync(page, "AP — Associated Press");
        await AddCreditAsync(page, "TASS — TASS Russian News Agency");

        // Everything typed survived the three round trips; AP is moved up with the keyboard alone.
        var keptHeadline = await page.Field("Headline").InputValueAsync();
        Assert.True(await page.TabToAsync("Move up AP"));
        await page.PressAndWaitForPageAsync("Enter");
        var focusAfterMove = await page.FocusedLabelAsync();
        var order = await page.Page.Locator(".credit-list label").AllInnerTextsAsync();

        Assert.True(await page.TabToAsync("Publish now"));
        await page.PressAndWaitForPageAsync("Enter");
        var article = await Fixture.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => new { a.Slug, a.Id }).SingleAsync());
        await page.GotoAsync($"/en/a/{article.Slug}/{article.Id}");
        var creditLine = await page.Page.Locator(".article__credit p").First.InnerTextAsync();
        await page.Page.Context.CloseAsync();

        Assert.Equal(headline, keptHeadline);
        Assert.Equal("AP", focusAfterMove);
        Assert.Equal(["AP", "AFP", "TASS"], order);
        Assert.Equal("With reporting by AP, AFP, and TASS", creditLine.Trim());
    }

    [SkippableFact]
    public async Task ASecondEditorSeesEveryDifferingFieldAndKeepsWhatSheChooses()
    {
        SkipWithoutBrowser();
        var first = await SignedInEditorAsync();
        var headline = $"Night trains return {Guid.NewGuid():N}"[..36];
        await first.GotoAsync("/editor/articles/new?edition=en");
        await first.Field("Headline").FillAsync(headline);
        await first.Field("Body (Markdown)").FillAsync("The starting text.");
        await first.Button("Save draft").ClickAsync();
        await first.Page.WaitForURLAsync("**/editor/articles/*");
        var editUrl = first.Page.Url;

        var id = int.Parse(new Uri(editUrl).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);

        // Edit locks keep them from editing at once; a conflict is what is left when they still meet. The first stops
        // editing; the second opens the form, and then loses her network long enough for her lock to run out (the 90
        // seconds after her last heartbeat are ended here rather than waited for).
        await first.SubmitAsync("Stop editing");
        var second = await SignedInEditorAsync();
        await second.Page.RouteAsync("**/lock/heartbeat", route => route.AbortAsync());
        await second.GotoAsync(editUrl);
        await Fixture.QueryAsync(db => db.EditLocks.Where(l => l.ArticleId == id).ExecuteDeleteAsync());

        var theirHeadline = headline + " after a decade";
        await first.GotoAsync(editUrl);
        await first.Field("Headline").FillAsync(theirHeadline);
        await first.SubmitAsync("Save draft");
        await first.SubmitAsync("Stop editing");

        await second.Field("Body (Markdown)").FillAsync("The second editor's text.");
        var conflictResponse = await second.Page.RunAndWaitForResponseAsync(() => second.Button("Save draft").ClickAsync(), r => r.Request.Method == "POST");
        await second.Page.WaitForLoadStateAsync(LoadState.Load);
        var conflictHeading = await second.Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Someone else saved this article first" }).CountAsync();
        var headlineTheirsSuggested = await second.Group("Headline").GetByLabel("Keep theirs").IsCheckedAsync();
        var bodyMineSuggested = await second.Group("Body").GetByLabel("Keep mine").IsCheckedAsync();
        var axe = await second.RunAxeAsync();

        await second.Button("Save draft").ClickAsync();
        await second.Page.WaitForURLAsync(editUrl);
        var notice = await second.Page.GetByRole(AriaRole.Status).InnerTextAsync();
        await first.Page.Context.CloseAsync();
        await second.Page.Context.CloseAsync();

        Assert.Equal(409, conflictResponse.Status);
        Assert.Equal(1, conflictHeading);
        Assert.True(headlineTheirsSuggested);
        Assert.True(bodyMineSuggested);
        Assert.True(axe.Violations.Length == 0, "axe on the conflict page:\n" + string.Join('\n', axe.Violations.Select(v => $"{v.Id}: {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => n.Html)))));
        Assert.Equal("Saved.", notice);
        var stored = await Fixture.QueryAsync(db => db.Articles.Where(a => a.Headline.StartsWith(headline)).Select(a => new { a.Headline, a.BodyMarkdown }).SingleAsync());
        Assert.Equal(theirHeadline, stored.Headline);
        Assert.Equal("The second editor's text.", stored.BodyMarkdown);
    }
}
