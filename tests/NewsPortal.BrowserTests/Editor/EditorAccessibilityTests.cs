using Microsoft.EntityFrameworkCore;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.BrowserTests.Pages;
using NewsPortal.Web.Domain;

namespace NewsPortal.BrowserTests.Editor;

/// <summary>
/// The editor area meets the same bar as the reader site: axe-clean, usable at 320 px, and workable with the keyboard
/// alone, in the default English interface and in the right-to-left Persian one.
/// </summary>
public class EditorAccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "a long newsroom pass phrase";

    /// <summary>The interface languages every editor page is checked in: the default and the right-to-left one.</summary>
    private static readonly string[] InterfaceCultures = ["en", "fa"];

    public static TheoryData<string, string, string> Pages()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var page in new[] { "login", "dashboard", "new-article", "new-article-fa", "edit-article", "edit-locked", "edit-read-only", "preview-en", "preview-fa", "revisions", "compare", "users", "audit", "setup", "password", "profile", "live-desk", "live-desk-fa", "live-correction", "people", "person-new", "person-edit", "mirror" })
        {
            foreach (var culture in InterfaceCultures)
            {
                data.Add(page, Viewport.Desktop.Name, culture);
                data.Add(page, Viewport.Narrow.Name, culture);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public async Task EditorPagesHaveNoAxeViolations(string pageName, string viewportName, string culture)
    {
        SkipWithoutBrowser();
        var viewport = Viewport.Named(viewportName);
        var page = new EditorPage(await Fixture.NewPageAsync(viewport));
        if (pageName != "login")
        {
            await page.SignInAsync(await Fixture.CreateUserAsync(NewsroomRoles.Admin, Password, culture), Password);
        }

        var path = await PathOfAsync(pageName);
        await SetEditLockAsync(pageName);
        var response = await page.GotoAsync(path);
        var axe = await page.RunAxeAsync();
        var overflow = await page.HorizontalOverflowAsync();
        var screenshots = Path.Combine(BrowserFixture.ArtifactsDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(Path.Combine(screenshots, culture == "en" ? $"editor-{pageName}-{viewport.Name}.png" : $"editor-{culture}-{pageName}-{viewport.Name}.png"));
        await page.Page.Context.CloseAsync();

        Assert.Equal(200, response?.Status);
        Assert.True(axe.Violations.Length == 0, $"axe found on editor/{pageName}/{viewport.Name} ({culture}):\n" + string.Join('\n', axe.Violations.Select(v => $"{v.Id}: {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => n.Html)))));
        Assert.True(overflow <= 0, $"editor/{pageName} ({culture}) scrolls sideways by {overflow}px at {viewport.Name}");
    }

    private Task<int> CoverageIdAsync(string edition) =>
        Fixture.QueryAsync(db => db.Articles.Where(a => a.Edition.Code == edition && a.IsLiveCoverage).Select(a => a.Id).FirstAsync());

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("fa")]
    public async Task AnEditorWritesPreviewsAndPublishesWithTheKeyboardAlone(string culture)
    {
        SkipWithoutBrowser();
        var email = await Fixture.CreateUserAsync(NewsroomRoles.Editor, Password, culture);
        var page = new EditorPage(await Fixture.NewPageAsync(Viewport.Desktop));
        var headline = $"Ferry timetable changes for winter {Guid.NewGuid():N}"[..48];

        await page.GotoAsync("/editor/login");
        Assert.True(await page.TabToAsync("Email"));
        await page.TypeAsync(email);
        await page.PressAsync("Tab");
        await page.TypeAsync(Password);
        await page.PressAndWaitForPageAsync("Enter");

        Assert.True(await page.TabToAsync(Fixture.EditorText(culture, "Dashboard.WriteNew")));
        await page.PressAndWaitForPageAsync("Enter");
        Assert.True(await page.TabToAsync("Headline"));
        await page.TypeAsync(headline);
        await page.PressAsync("Tab");
        await page.TypeAsync("The island ferry runs four times a day from Monday.");
        await page.PressAsync("Tab");
        await page.TypeAsync("The harbour office published the winter timetable.\n\n## What changes\n\n> “We listened to commuters,” the harbour master said.");
        Assert.True(await page.TabToAsync("AddSourceCode"));
        await page.TypeAsync("Reuters");
        Assert.True(await page.TabToAsync(Fixture.EditorText(culture, "Form.SaveDraft")));
        await page.PressAndWaitForPageAsync("Enter");

        Assert.True(await page.TabToAsync(Fixture.EditorText(culture, "Form.Preview")));
        await page.PressAndWaitForPageAsync("Enter");
        var previewHeadline = await page.Heading.InnerTextAsync();
        await page.Page.GoBackAsync();

        Assert.True(await page.TabToAsync(Fixture.EditorText(culture, "Form.PublishNow")));
        await page.PressAndWaitForPageAsync("Enter");
        var notice = await page.Page.GetByRole(Microsoft.Playwright.AriaRole.Status).InnerTextAsync();
        await page.Page.Context.CloseAsync();

        Assert.Equal(headline, previewHeadline);
        Assert.Equal(culture == "en" ? "Published." : Fixture.EditorText(culture, "Notice.Published"), notice);
        var status = await Fixture.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.Status).SingleAsync());
        Assert.Equal(ArticleStatus.Published, status);
    }

    /// <summary>
    /// Each page's article is opened by a new account: the form when nobody else is editing it (the lock of the page
    /// checked before is ended), the lock page and the read-only form while a colleague is.
    /// </summary>
    private async Task SetEditLockAsync(string pageName)
    {
        if (pageName is not ("edit-article" or "edit-locked" or "edit-read-only"))
        {
            return;
        }

        var article = await Fixture.QueryAsync(db => db.Articles.Where(a => a.Edition.Code == "en" && a.BreakingUntil != null).Select(a => a.Id).FirstAsync());
        await Fixture.QueryAsync(async db =>
        {
            await db.EditLocks.Where(l => l.ArticleId == article).ExecuteDeleteAsync();
            if (pageName != "edit-article")
            {
                db.EditLocks.Add(new EditLock(article, "a-colleague", "Ana Colleague", DateTime.UtcNow));
                await db.SaveChangesAsync();
            }

            return true;
        });
    }

    private async Task<string> PathOfAsync(string pageName)
    {
        var article = await Fixture.QueryAsync(db => db.Articles.Where(a => a.Edition.Code == "en" && a.BreakingUntil != null).Select(a => new { a.Id }).FirstAsync());
        var persian = await Fixture.QueryAsync(db => db.Articles.Where(a => a.Edition.Code == "fa").Select(a => a.Id).FirstAsync());
        var revision = await Fixture.QueryAsync(db => db.Revisions.Where(r => r.ArticleId == article.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync());
        return pageName switch
        {
            "login" => "/editor/login",
            "dashboard" => "/editor",
            "new-article" => "/editor/articles/new?edition=en",
            "new-article-fa" => "/editor/articles/new?edition=fa",
            "edit-article" or "edit-locked" => $"/editor/articles/{article.Id}",
            "edit-read-only" => $"/editor/articles/{article.Id}?readOnly=true",
            "preview-en" => $"/en/preview/{article.Id}",
            "preview-fa" => $"/fa/preview/{persian}",
            "revisions" => $"/editor/articles/{article.Id}/revisions",
            "compare" => revision is { } id ? $"/editor/articles/{article.Id}/revisions/{id}" : $"/editor/articles/{article.Id}/revisions",
            "users" => "/editor/users",
            "audit" => "/editor/audit",
            "setup" => "/editor/setup",
            "password" => "/editor/account/password",
            "profile" => "/editor/profile",
            "live-desk" => $"/editor/articles/{await CoverageIdAsync("en")}/live",
            "live-desk-fa" => $"/editor/articles/{await CoverageIdAsync("fa")}/live",
            "live-correction" => $"/editor/articles/{await CoverageIdAsync("en")}/live/updates/" + await Fixture.QueryAsync(db => db.LiveUpdates.Where(u => u.Article.Edition.Code == "en" && u.QuoteText != null).Select(u => u.Id).FirstAsync()),
            "people" => "/editor/people",
            "person-new" => "/editor/people/new",
            "person-edit" => "/editor/people/" + await Fixture.QueryAsync(db => db.People.Where(p => p.Slug == "dariush-sepehr").Select(p => p.Id).FirstAsync()),
            "mirror" => "/editor/mirror",
            _ => throw new ArgumentOutOfRangeException(nameof(pageName)),
        };
    }
}
