using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>
/// A person picks the editor area's language on their profile: every editor page follows it, Persian turns the
/// interface right to left, while articles keep their edition's language and the reader site its edition's.
/// </summary>
[Collection(EditorAreaCollection.Name)]
public class ProfileTests(EditorAreaFactory factory)
{
    private string Text(string culture, string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return factory.Services.GetRequiredService<IStringLocalizer<EditorResource>>()[key].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static Task<HttpResponseMessage> ChooseAsync(EditorSession person, string culture) =>
        person.PostFormAsync("/editor/profile", "form.editor-form", new() { ["culture"] = culture });

    private static (string? Lang, string? Dir) LangDir(IElement element) => (element.GetAttribute("lang"), element.GetAttribute("dir"));

    [Fact]
    public async Task InterfaceIsEnglishLeftToRightUntilThePersonChoosesALanguage()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);

        var dashboard = await editor.GetDocumentAsync("/editor");

        Assert.Equal(("en", "ltr"), LangDir(dashboard.DocumentElement));
        Assert.Equal("Dashboard", dashboard.QuerySelector("h1")!.TextContent.Trim());
        var profile = await editor.GetDocumentAsync("/editor/profile");
        Assert.True(((IHtmlInputElement)profile.QuerySelector("input[name=culture][value=en]")!).IsChecked);
        Assert.Equal(("fa", "rtl"), LangDir(profile.QuerySelector("label[for='language-fa']")!));
        Assert.Equal("Русский", profile.QuerySelector("label[for='language-ru']")!.TextContent.Trim());
    }

    [Fact]
    public async Task RussianThenPersianInterfaceKeepsTheArticleFieldsInTheirEditionsLanguage()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);

        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(editor, "ru")).StatusCode);
        var russianDashboard = await editor.GetDocumentAsync("/editor");
        Assert.Equal(("ru", "ltr"), LangDir(russianDashboard.DocumentElement));
        Assert.Equal(Text("ru", "Dashboard.Title"), russianDashboard.QuerySelector("h1")!.TextContent.Trim());
        var russianForm = await editor.GetDocumentAsync("/editor/articles/new?edition=fa");
        Assert.Equal(("ru", "ltr"), LangDir(russianForm.DocumentElement));
        Assert.Equal(Text("ru", "Field.Headline"), russianForm.QuerySelector("label[for=Headline]")!.TextContent.Trim());
        Assert.Equal(("fa", "rtl"), LangDir(russianForm.QuerySelector("#Headline")!));
        Assert.Equal(("fa", "rtl"), LangDir(russianForm.QuerySelector("#Body")!));

        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(editor, "fa")).StatusCode);
        var persianDashboard = await editor.GetDocumentAsync("/editor");
        Assert.Equal(("fa", "rtl"), LangDir(persianDashboard.DocumentElement));
        Assert.Equal(Text("fa", "Dashboard.Title"), persianDashboard.QuerySelector("h1")!.TextContent.Trim());
        var persianForm = await editor.GetDocumentAsync("/editor/articles/new?edition=en");
        Assert.Equal(("fa", "rtl"), LangDir(persianForm.DocumentElement));
        Assert.Equal(Text("fa", "Field.Headline"), persianForm.QuerySelector("label[for=Headline]")!.TextContent.Trim());
        foreach (var field in new[] { "#Headline", "#Lead", "#Body", "#AltText", "#Caption", "#Credit" })
        {
            Assert.Equal(("en", "ltr"), LangDir(persianForm.QuerySelector(field)!));
        }
    }

    [Fact]
    public async Task ChosenLanguagePersistsAcrossSignInAndIsAudited()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);
        await ChooseAsync(editor, "uk");
        await ChooseAsync(editor, "fa");

        var again = new EditorSession(EditorSession.NewClient(factory), editor.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(editor.Email, EditorSession.Password)).StatusCode);
        var dashboard = await again.GetDocumentAsync("/editor");

        Assert.Equal(("fa", "rtl"), LangDir(dashboard.DocumentElement));
        var entries = await factory.QueryAsync(db => db.AuditLog
            .Where(a => a.Action == AuditActions.InterfaceLanguageChosen && a.Actor == editor.Email)
            .OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.EndsWith("uk", entries[0], StringComparison.Ordinal);
        Assert.EndsWith("fa", entries[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("de")]
    [InlineData("")]
    public async Task LanguageNotOfferedIsRefusedWithALocalizedMessage(string culture)
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        await ChooseAsync(editor, "ru");

        var response = await ChooseAsync(editor, culture);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Text("ru", "Profile.Problem.LanguageNotOffered"), WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(("ru", "ltr"), LangDir((await editor.GetDocumentAsync("/editor")).DocumentElement));
    }

    [Fact]
    public async Task ReaderSiteAndPreviewKeepTheEditionsLanguage()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        await ChooseAsync(editor, "fa");

        Assert.Equal(("en", "ltr"), LangDir((await editor.GetDocumentAsync("/en")).DocumentElement));
        Assert.Equal(("ru", "ltr"), LangDir((await editor.GetDocumentAsync("/ru")).DocumentElement));
        var id = await factory.QueryAsync(db => db.Articles.Where(a => a.Edition.Code == "uk").Select(a => a.Id).FirstAsync());
        Assert.Equal(("uk", "ltr"), LangDir((await editor.GetDocumentAsync($"/uk/preview/{id}")).DocumentElement));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    [InlineData("uk")]
    [InlineData("fa")]
    public async Task ArticleFormSavesNumbersAndTimesWhateverTheInterfaceLanguage(string culture)
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        await ChooseAsync(editor, culture);
        var headline = $"Focal point in {culture} {Guid.NewGuid():N}";
        var fields = ArticleWorkflowTests.Fields(headline, "Save");
        fields["FocalX"] = "0.25";
        fields["FocalY"] = "0.75";
        fields["PublishAt"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        var response = await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.Articles.AnyAsync(a => a.Headline == headline)));
    }

    [Fact]
    public async Task SignInPageUsesTheSiteDefaultLanguage()
    {
        var page = await new EditorSession(EditorSession.NewClient(factory)).GetDocumentAsync("/editor/login");

        Assert.Equal(("en", "ltr"), LangDir(page.DocumentElement));
    }
}
