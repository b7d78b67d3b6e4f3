using System.Collections;
using System.Globalization;
using System.Net;
using System.Resources;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>A person works in the editor area in the language on their profile, whatever edition they write for.</summary>
[Collection(EditorAreaCollection.Name)]
public class InterfaceLanguageTests(EditorAreaFactory factory)
{
    private static readonly ResourceManager Text = new("NewsPortal.Web.Localization.Resources.EditorResource", typeof(EditorResource).Assembly);

    /// <summary>Every English sentence of the interface (three words or more) whose translation differs.</summary>
    private static List<string> EnglishSentences(string culture) =>
    [
        .. Text.GetResourceSet(CultureInfo.InvariantCulture, true, true)!.Cast<DictionaryEntry>()
            .Select(e => (Key: (string)e.Key, English: (string)e.Value!))
            .Where(e => !e.English.Contains('{', StringComparison.Ordinal) && e.English.Split(' ').Length >= 3
                && Text.GetString(e.Key, CultureInfo.GetCultureInfo(culture)) != e.English)
            .Select(e => e.English),
    ];

    private static async Task ChooseAsync(EditorSession editor, string culture, HttpStatusCode expected = HttpStatusCode.Redirect) =>
        Assert.Equal(expected, (await editor.PostFormAsync("/editor/profile", "form[action='/editor/profile/language']", new() { ["culture"] = culture })).StatusCode);

    private static void AssertNoEnglish(IHtmlDocument page, string culture)
    {
        var text = page.Body!.TextContent;
        Assert.All(EnglishSentences(culture), english => Assert.DoesNotContain(english, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEditorWritesRestoresAndCorrectsInRussianThenWorksInPersianRightToLeft()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        await ChooseAsync(editor, "ru");

        var dashboard = await editor.GetDocumentAsync("/editor?edition=ru");
        Assert.Equal("ru", dashboard.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", dashboard.DocumentElement.GetAttribute("dir"));
        Assert.Equal("Обзор", dashboard.QuerySelector("h1")!.TextContent);
        AssertNoEnglish(dashboard, "ru");

        // Write a story in the Russian edition, publish it, restore its first revision and correct it.
        var headline = $"Паром снова ходит через залив {Guid.NewGuid():N}";
        var created = await editor.PostFormAsync("/editor/articles/new?edition=ru", "form.editor-form", ArticleWorkflowTests.Fields(headline, "Save", body: "Первая редакция."));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var id = await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.Id).SingleAsync());
        var form = await editor.GetDocumentAsync($"/editor/articles/{id}");
        Assert.Equal("Сохранено.", form.QuerySelector("[role='status'].notice")!.TextContent);
        AssertNoEnglish(form, "ru");

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{id}", "form.editor-form", new() { ["Body"] = "Вторая редакция.", ["command"] = "Publish" })).StatusCode);
        var revisions = await editor.GetDocumentAsync($"/editor/articles/{id}/revisions");
        AssertNoEnglish(revisions, "ru");
        var first = await factory.QueryAsync(db => db.Revisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{id}/revisions", $"form[action='/editor/articles/{id}/revisions/{first}/restore']", [])).StatusCode);
        var restored = await editor.GetDocumentAsync($"/editor/articles/{id}");
        Assert.StartsWith("Восстановлено как правки", restored.QuerySelector("[role='status'].notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{id}", $"form[action='/editor/articles/{id}/corrections']", new() { ["text"] = "Уточнено время отправления." })).StatusCode);
        var corrected = await editor.GetDocumentAsync($"/editor/articles/{id}");
        Assert.Equal("Исправление опубликовано в статье и в ленте исправлений.", corrected.QuerySelector("[role='status'].notice")!.TextContent);
        AssertNoEnglish(corrected, "ru");

        // The same person in Persian: the interface is right to left, an English story's fields stay English, left to right.
        await ChooseAsync(editor, "fa");
        var persian = await editor.GetDocumentAsync("/editor?edition=fa");
        Assert.Equal("fa", persian.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", persian.DocumentElement.GetAttribute("dir"));
        AssertNoEnglish(persian, "fa");
        var english = await editor.GetDocumentAsync("/editor/articles/new?edition=en");
        Assert.Equal("rtl", english.DocumentElement.GetAttribute("dir"));
        Assert.Equal("en", english.QuerySelector("#Headline")!.GetAttribute("lang"));
        Assert.Equal("ltr", english.QuerySelector("#Headline")!.GetAttribute("dir"));
        Assert.Equal("ltr", english.QuerySelector("#Body")!.GetAttribute("dir"));

        // Every one of those actions is in the audit log.
        var actions = await factory.QueryAsync(db => db.AuditLog.Where(a => a.Actor == editor.Email).Select(a => a.Action).ToListAsync());
        Assert.Equal(2, actions.Count(a => a == AuditActions.InterfaceLanguageChosen));
        Assert.Contains(AuditActions.Created, actions);
        Assert.Contains(AuditActions.Published, actions);
        Assert.Contains(AuditActions.Restored, actions);
        Assert.Contains(AuditActions.Corrected, actions);
    }
}
