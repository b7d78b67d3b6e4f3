using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>Writing, submitting, publishing, scheduling, revisions and corrections, as the newsroom does them.</summary>
[Collection(EditorAreaCollection.Name)]
public class ArticleWorkflowTests(EditorAreaFactory factory)
{
    private const string Body = "First paragraph of the report.\n\n## What happened\n\n> “A quotation,” said a spokesperson.\n\nMore detail.";

    internal static Dictionary<string, string> Fields(string headline, string command, string? body = null, string reporting = "reuters") => new()
    {
        ["Headline"] = headline,
        ["Lead"] = "A one-paragraph summary of the story.",
        ["Body"] = body ?? Body,
        ["Contributors[0].Person"] = "hannah-lowe",
        ["Contributors[0].Role"] = "Writing",
        ["command"] = command,
        ["Sources[0].Code"] = reporting,
        ["Sources[0].Role"] = "Reporting",
    };

    private async Task<Article> ArticleAsync(string headline) =>
        await factory.QueryAsync(db => db.Articles.Include(a => a.Sources).ThenInclude(s => s.Source).SingleAsync(a => a.Headline == headline));

    [Fact]
    public async Task AWriterDraftsAndSubmitsAndAnEditorPublishesToTheRightEdition()
    {
        var headline = $"Harbour pilots agree new night shifts {Guid.NewGuid():N}";
        var writer = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);
        var created = await writer.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", Fields(headline, "Submit"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var article = await ArticleAsync(headline);
        Assert.Equal(ArticleStatus.InReview, article.Status);

        // The writer cannot publish, even by posting the command by hand.
        var refused = await writer.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["command"] = "Publish" });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/editor/denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.InReview, (await ArticleAsync(headline)).Status);
        await writer.StopEditingAsync(article.Id);

        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["command"] = "Publish" })).StatusCode);

        var published = await ArticleAsync(headline);
        Assert.Equal(ArticleStatus.Published, published.Status);
        var (response, document) = await factory.CreateReader().GetPageAsync($"/en/a/{published.Slug}/{published.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("With reporting by Reuters", document.QuerySelector(".article__credit p").Text());
        Assert.Contains(AuditActions.Published, await factory.QueryAsync(db => db.AuditLog.Where(a => a.Actor == editor.Email).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task AWriterCannotOpenAnotherWritersDraft()
    {
        var headline = $"Draft by the first writer {Guid.NewGuid():N}";
        var first = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);
        await first.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", Fields(headline, "Save"));
        var id = (await ArticleAsync(headline)).Id;

        var second = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);
        var response = await second.Client.GetAsync(new Uri($"/editor/articles/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/editor/denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrePublishChecksBlockPublishingWithClearMessages()
    {
        var headline = $"Unchecked story {Guid.NewGuid():N}";
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var fields = Fields(headline, "Publish", body: "Text.\n\n#### Too deep\n\n[](https://example.org)");
        fields["Lead"] = "";
        fields["Sources[0].Role"] = "";
        var response = await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields);
        var page = await editor.GetDocumentAsync(response.Headers.Location!.OriginalString);
        var problems = page.QuerySelector(".problems")!.TextContent;

        Assert.NotEqual(ArticleStatus.Published, (await ArticleAsync(headline)).Status);
        Assert.Contains("lead is empty", problems, StringComparison.Ordinal);
        Assert.Contains("No source is credited", problems, StringComparison.Ordinal);
        Assert.Contains("level 4 after level 1", problems, StringComparison.Ordinal);
        Assert.Contains("has no text", problems, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondSaveFromTheSameVersionIsAConflictThatKeepsBothTexts()
    {
        var headline = $"Contested story {Guid.NewGuid():N}";
        var first = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        await first.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", Fields(headline, "Save"));
        var id = (await ArticleAsync(headline)).Id;

        // Both open the same version, each while the other's edit lock had ended (the conflict check is the last line of defence).
        await first.StopEditingAsync(id);
        var second = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var secondPage = await second.GetDocumentAsync($"/editor/articles/{id}");
        var version = secondPage.QuerySelector("input[name='Version']")!.GetAttribute("value")!;
        var token = secondPage.QuerySelector("form.editor-form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        await second.StopEditingAsync(id);

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync($"/editor/articles/{id}", "form.editor-form", new() { ["Body"] = "The first editor's text." })).StatusCode);
        await first.StopEditingAsync(id);

        var fields = secondPage.QuerySelectorAll("form.editor-form input[name], form.editor-form textarea[name], form.editor-form select[name]")
            .Where(e => e.GetAttribute("type") is not ("file" or "checkbox"))
            .GroupBy(e => e.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.First() switch
            {
                AngleSharp.Html.Dom.IHtmlTextAreaElement t => t.Value,
                AngleSharp.Html.Dom.IHtmlSelectElement s => s.Value ?? "",
                var e => e.GetAttribute("value") ?? "",
            });
        fields["Body"] = "The second editor's text.";
        fields["Version"] = version;
        fields["__RequestVerificationToken"] = token;
        fields["command"] = "Save";
        var conflict = await second.Client.PostAsync(new Uri($"/editor/articles/{id}", UriKind.Relative), new FormUrlEncodedContent(fields));
        var html = await conflict.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("Someone else saved this article first", html, StringComparison.Ordinal);
        Assert.Contains("The first editor&#x27;s text.", html.Replace("'", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("The second editor", html, StringComparison.Ordinal);
        Assert.Equal("The first editor's text.", (await ArticleAsync(headline)).BodyMarkdown);
    }

    [Fact]
    public async Task EverySaveKeepsARevisionThatCanBeComparedAndRestored()
    {
        var headline = $"Revised story {Guid.NewGuid():N}";
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", Fields(headline, "Save", body: "Original wording."));
        var id = (await ArticleAsync(headline)).Id;
        await editor.PostFormAsync($"/editor/articles/{id}", "form.editor-form", new() { ["Body"] = "Changed wording." });

        var revisions = await factory.QueryAsync(db => db.Revisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(2, revisions.Count);

        var compare = await editor.GetDocumentAsync($"/editor/articles/{id}/revisions/{revisions[0].Id}");
        Assert.Contains(compare.QuerySelectorAll(".diff__removed"), li => li.TextContent.Contains("Original wording.", StringComparison.Ordinal));
        Assert.Contains(compare.QuerySelectorAll(".diff__added"), li => li.TextContent.Contains("Changed wording.", StringComparison.Ordinal));

        var restored = await editor.PostFormAsync($"/editor/articles/{id}/revisions/{revisions[0].Id}", "form[action$='/restore']", []);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal("Original wording.", (await ArticleAsync(headline)).BodyMarkdown);
        Assert.Equal(3, await factory.QueryAsync(db => db.Revisions.CountAsync(r => r.ArticleId == id)));
    }

    [Fact]
    public async Task ACorrectionShowsOnTheArticleAndInTheCorrectionsFeed()
    {
        var headline = $"Corrected story {Guid.NewGuid():N}";
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", Fields(headline, "Publish"));
        var article = await ArticleAsync(headline);
        var text = $"An earlier version misnamed the port {Guid.NewGuid():N}.";

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}", "form[action$='/corrections']", new() { ["text"] = text })).StatusCode);

        var (_, page) = await factory.CreateReader().GetPageAsync($"/en/a/{article.Slug}/{article.Id}");
        Assert.Contains(text, page.QuerySelector(".article__corrections").Text(), StringComparison.Ordinal);
        Assert.Contains(text, await factory.CreateReader().GetStringAsync(new Uri("/en/corrections/feed", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSchedulerCatchesUpAfterDowntimeAndPublishesOnlyOnce()
    {
        var headline = $"Scheduled story {Guid.NewGuid():N}";
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var fields = Fields(headline, "Schedule");
        fields["PublishAt"] = DateTime.UtcNow.AddHours(2).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields);
        var article = await ArticleAsync(headline);
        Assert.Equal(ArticleStatus.Scheduled, article.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateReader().GetAsync(new Uri($"/en/a/{article.Slug}/{article.Id}", UriKind.Relative))).StatusCode);

        // The site was down when the article fell due.
        await factory.QueryAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Articles\" SET \"ScheduledAt\" = {DateTime.UtcNow.AddHours(-1)} WHERE \"Id\" = {article.Id}"));
        Assert.True(await factory.QueryAsync(db => PublishDueArticles.OldestOverdueAsync(db, DateTime.UtcNow, default)) is not null);
        var ready = await factory.CreateReader().GetStringAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Contains("oldestOverdueScheduledAt", ready, StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var first = await scope.ServiceProvider.GetRequiredService<PublishDueArticles>().ExecuteAsync(default);
        var second = await scope.ServiceProvider.GetRequiredService<PublishDueArticles>().ExecuteAsync(default);

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        Assert.Equal(ArticleStatus.Published, (await ArticleAsync(headline)).Status);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateReader().GetAsync(new Uri($"/en/a/{article.Slug}/{article.Id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TranslateCreatesTheStoryInAnotherEditionLinkedToTheOriginal()
    {
        var headline = $"Story to translate {Guid.NewGuid():N}";
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", Fields(headline, "Publish"));
        var original = await ArticleAsync(headline);

        var form = await editor.GetDocumentAsync($"/editor/articles/new?edition=fa&translationOf={original.Id}");
        Assert.Equal("rtl", form.QuerySelector("#Body")!.GetAttribute("dir"));
        Assert.Equal("fa", form.QuerySelector("#Headline")!.GetAttribute("lang"));

        var persian = $"داستانی برای ترجمه {Guid.NewGuid():N}";
        var fields = Fields(persian, "Publish");
        fields.Remove("Sources[0].Code");
        fields.Remove("Sources[0].Role");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/new?edition=fa&translationOf={original.Id}", "form.editor-form", fields)).StatusCode);

        var translation = await ArticleAsync(persian);
        Assert.NotNull(translation.TranslationGroupId);
        Assert.Equal(translation.TranslationGroupId, (await ArticleAsync(headline)).TranslationGroupId);
        var (_, page) = await factory.CreateReader().GetPageAsync($"/en/a/{original.Slug}/{original.Id}");
        Assert.Contains(page.QuerySelectorAll(".article__translations li"), li => li.GetAttribute("lang") == "fa");
    }

    [Fact]
    public async Task TranslatePicksTheMatchingSectionOfTheTargetEdition()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var business = await factory.QueryAsync(db => db.Articles.Where(a => a.Edition.Code == "en" && a.Section.Slug == "business").Select(a => a.Id).FirstAsync());

        var form = await editor.GetDocumentAsync($"/editor/articles/new?edition=ru&translationOf={business}");
        Assert.Equal("Экономика", form.QuerySelector("#SectionId option[selected]")!.TextContent.Trim());
    }

    [Fact]
    public async Task ThePreviewShowsADraftAsReadersWillSeeItInItsEditionsLanguage()
    {
        var headline = $"پیش‌نویس {Guid.NewGuid():N}";
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        await editor.PostFormAsync("/editor/articles/new?edition=fa", "form.editor-form", Fields(headline, "Save"));
        var draft = await ArticleAsync(headline);

        var preview = await editor.GetDocumentAsync($"/fa/preview/{draft.Id}");
        Assert.Equal("fa", preview.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", preview.DocumentElement.GetAttribute("dir"));
        Assert.Equal(headline, preview.QuerySelector("h1").Text());
        Assert.NotNull(preview.QuerySelector(".preview-banner"));
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateReader().GetAsync(new Uri($"/fa/preview/{draft.Id}", UriKind.Relative))).StatusCode);
    }
}
