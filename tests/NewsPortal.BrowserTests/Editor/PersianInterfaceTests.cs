using System.Globalization;
using System.Resources;
using Microsoft.EntityFrameworkCore;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.BrowserTests.Pages;
using NewsPortal.Web;
using NewsPortal.Web.Domain;

namespace NewsPortal.BrowserTests.Editor;

/// <summary>The editor area in the Persian interface (right to left) meets the same bar: axe-clean at both widths and workable with the keyboard alone.</summary>
public class PersianInterfaceTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "a long newsroom pass phrase";

    private static readonly ResourceManager Text = new("NewsPortal.Web.Localization.Resources.EditorResource", typeof(EditorResource).Assembly);

    private static string Persian(string key) => Text.GetString(key, CultureInfo.GetCultureInfo("fa"))!;

    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "dashboard", "new-article", "new-article-fa", "edit-article", "revisions", "compare", "users", "audit", "setup", "password", "profile" })
        {
            data.Add(page, Viewport.Desktop.Name);
            data.Add(page, Viewport.Narrow.Name);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public async Task EditorPagesHaveNoAxeViolationsRightToLeft(string pageName, string viewportName)
    {
        SkipWithoutBrowser();
        var viewport = Viewport.Named(viewportName);
        var page = new EditorPage(await Fixture.NewPageAsync(viewport));
        await page.SignInAsync(await Fixture.CreateUserAsync(NewsroomRoles.Admin, Password, "fa"), Password);

        var response = await page.GotoAsync(await PathOfAsync(pageName));
        var direction = await page.Page.EvaluateAsync<string>("() => document.documentElement.dir");
        var axe = await page.RunAxeAsync();
        var overflow = await page.HorizontalOverflowAsync();
        var screenshots = Path.Combine(BrowserFixture.ArtifactsDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(Path.Combine(screenshots, $"editor-fa-{pageName}-{viewport.Name}.png"));
        await page.Page.Context.CloseAsync();

        Assert.Equal(200, response?.Status);
        Assert.Equal("rtl", direction);
        Assert.True(axe.Violations.Length == 0, $"axe found on editor/{pageName}/{viewport.Name} (Persian):\n" + string.Join('\n', axe.Violations.Select(v => $"{v.Id}: {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => n.Html)))));
        Assert.True(overflow <= 0, $"editor/{pageName} (Persian) scrolls sideways by {overflow}px at {viewport.Name}");
    }

    [SkippableFact]
    public async Task AWriterDraftsWithTheKeyboardAloneInPersian()
    {
        SkipWithoutBrowser();
        var email = await Fixture.CreateUserAsync(NewsroomRoles.Writer, Password, "fa");
        var page = new EditorPage(await Fixture.NewPageAsync(Viewport.Desktop));
        var headline = $"ساعت کار کتابخانه در زمستان {Guid.NewGuid():N}"[..40];

        await page.GotoAsync("/editor/login");
        Assert.True(await page.TabToAsync("Email"));
        await page.TypeAsync(email);
        await page.PressAsync("Tab");
        await page.TypeAsync(Password);
        await page.PressAndWaitForPageAsync("Enter");

        Assert.True(await page.TabToAsync(Persian("Dashboard.WriteNew")));
        await page.PressAndWaitForPageAsync("Enter");
        Assert.True(await page.TabToAsync("Headline"));
        await page.TypeAsync(headline);
        Assert.True(await page.TabToAsync("AddSourceCode"));
        await page.TypeAsync("Reuters");
        Assert.True(await page.TabToAsync(Persian("Form.SaveDraft")));
        await page.PressAndWaitForPageAsync("Enter");
        var notice = await page.Page.GetByRole(Microsoft.Playwright.AriaRole.Status).InnerTextAsync();
        var direction = await page.Page.EvaluateAsync<string>("() => document.documentElement.dir");
        await page.Page.Context.CloseAsync();

        Assert.Equal(Persian("Notice.Saved"), notice);
        Assert.Equal("rtl", direction);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.Articles.CountAsync(a => a.Headline == headline)));
    }

    private async Task<string> PathOfAsync(string pageName)
    {
        var article = await Fixture.QueryAsync(db => db.Articles.Where(a => a.Edition.Code == "en" && a.BreakingUntil != null).Select(a => a.Id).FirstAsync());
        var revision = await Fixture.QueryAsync(db => db.Revisions.Where(r => r.ArticleId == article).Select(r => (long?)r.Id).FirstOrDefaultAsync());
        return pageName switch
        {
            "dashboard" => "/editor",
            "new-article" => "/editor/articles/new?edition=en",
            "new-article-fa" => "/editor/articles/new?edition=fa",
            "edit-article" => $"/editor/articles/{article}",
            "revisions" => $"/editor/articles/{article}/revisions",
            "compare" => revision is { } id ? $"/editor/articles/{article}/revisions/{id}" : $"/editor/articles/{article}/revisions",
            "users" => "/editor/users",
            "audit" => "/editor/audit",
            "setup" => "/editor/setup",
            "password" => "/editor/account/password",
            "profile" => "/editor/profile",
            _ => throw new ArgumentOutOfRangeException(nameof(pageName)),
        };
    }
}
