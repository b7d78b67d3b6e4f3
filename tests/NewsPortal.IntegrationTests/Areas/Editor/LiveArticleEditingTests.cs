using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>Edits to a live story wait for review; readers see them only after "Update live article".</summary>
[Collection(EditorAreaCollection.Name)]
public class LiveArticleEditingTests(EditorAreaFactory factory)
{
    private async Task<Article> ArticleAsync(int id) =>
        await factory.QueryAsync(db => db.Articles.AsNoTracking().Include(a => a.Sources).SingleAsync(a => a.Id == id));

    private async Task<(EditorSession Editor, Article Article)> PublishAsync(string headline)
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var fields = ArticleWorkflowTests.Fields(headline, "Publish", body: "The published wording.");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields)).StatusCode);
        var article = await factory.QueryAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Headline == headline));
        Assert.Equal(ArticleStatus.Published, article.Status);
        return (editor, article);
    }

    private async Task<string> ReaderPageAsync(Article article)
    {
        var response = await factory.CreateReader().GetAsync(new Uri($"/en/a/{article.Slug}/{article.Id}", UriKind.Relative));
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task SavingALiveStoryKeepsTheChangesAsideUntilTheLiveArticleIsUpdated()
    {
        var (editor, article) = await PublishAsync($"Ferry timetable changes for winter {Guid.NewGuid():N}");
        var saved = await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new()
        {
            ["Body"] = "A half-finished rewrite.",
            ["Lead"] = "A new lead that is not ready.",
            ["command"] = "Save",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Readers, feeds and the stored live fields are unchanged.
        var page = await ReaderPageAsync(article);
        Assert.Contains("The published wording.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("half-finished", page, StringComparison.Ordinal);
        Assert.DoesNotContain("half-finished", await factory.CreateReader().GetStringAsync(new Uri("/en/feed", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal("The published wording.", (await ArticleAsync(article.Id)).BodyMarkdown);

        // The editor continues from the pending text, and is told it is not live.
        var form = await editor.GetDocumentAsync($"/editor/articles/{article.Id}");
        Assert.Equal("A half-finished rewrite.", form.QuerySelector("#Body")!.TextContent);
        Assert.Contains("changes waiting for review", form.QuerySelector(".notice--live")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(form.QuerySelector("button[value='UpdateLive']"));

        // The preview shows the page as it will be once the changes go live.
        var preview = await editor.GetDocumentAsync($"/en/preview/{article.Id}");
        Assert.Contains("A half-finished rewrite.", preview.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("A new lead that is not ready.", preview.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["command"] = "UpdateLive" })).StatusCode);
        Assert.Contains("A half-finished rewrite.", await ReaderPageAsync(article), StringComparison.Ordinal);
        var live = await ArticleAsync(article.Id);
        Assert.Null(live.PendingContent);
        Assert.Equal("A new lead that is not ready.", live.Lead);
        Assert.Contains(AuditActions.UpdatedLive, await factory.QueryAsync(db => db.AuditLog.Where(a => a.Target!.Contains($"article {article.Id} ")).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task DiscardingTheChangesKeepsThemInTheRevisions()
    {
        var (editor, article) = await PublishAsync($"Bridge repairs start on Monday {Guid.NewGuid():N}");
        await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["Body"] = "A rewrite nobody wanted.", ["command"] = "Save" });

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["command"] = "DiscardPending" })).StatusCode);

        var stored = await ArticleAsync(article.Id);
        Assert.Null(stored.PendingContent);
        Assert.Equal("The published wording.", stored.BodyMarkdown);
        Assert.Equal("The published wording.", (await editor.GetDocumentAsync($"/editor/articles/{article.Id}")).QuerySelector("#Body")!.TextContent);
        Assert.Contains(await factory.QueryAsync(db => db.Revisions.Where(r => r.ArticleId == article.Id && r.IsPending).Select(r => r.BodyMarkdown).ToListAsync()), body => body == "A rewrite nobody wanted.");
    }

    [Fact]
    public async Task UpdatingTheLiveArticleRunsThePrePublishChecksAndKeepsTheChangesWhenTheyFail()
    {
        var (editor, article) = await PublishAsync($"Market hall reopens {Guid.NewGuid():N}");
        var response = await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["Lead"] = "", ["Body"] = "Edited text.", ["command"] = "UpdateLive" });
        var page = await editor.GetDocumentAsync(response.Headers.Location!.OriginalString);

        Assert.Contains("not put live", page.QuerySelector(".problems")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("The published wording.", (await ArticleAsync(article.Id)).BodyMarkdown);
        Assert.Equal("Edited text.", page.QuerySelector("#Body")!.TextContent);
    }

    [Fact]
    public async Task TheDashboardListsLiveStoriesWithChangesWaitingForReview()
    {
        var headline = $"Airport expansion hearing {Guid.NewGuid():N}";
        var (editor, article) = await PublishAsync(headline);
        await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["Body"] = "A rewrite waiting for review.", ["command"] = "Save" });

        var dashboard = await editor.GetDocumentAsync($"/editor?q={Uri.EscapeDataString(headline)}");
        var waiting = dashboard.QuerySelectorAll("section").Single(s => s.QuerySelector("h2")?.TextContent.Contains("changes waiting for review", StringComparison.Ordinal) == true);

        Assert.Contains(waiting.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/editor/articles/{article.Id}");
    }

    [Fact]
    public async Task ACorrectionIsARevisionAndAnAuditEntryAndDoesNotMakeAnOpenFormConflict()
    {
        var (editor, article) = await PublishAsync($"Harbour dues explained {Guid.NewGuid():N}");
        var openForm = await editor.ReadFormAsync($"/editor/articles/{article.Id}");
        var revisionsBefore = await factory.QueryAsync(db => db.Revisions.CountAsync(r => r.ArticleId == article.Id));

        // The colleague publishes it from the read-only view: the form is open elsewhere, and a correction changes no text.
        var colleague = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.PostFormAsync($"/editor/articles/{article.Id}?readOnly=true", "form[action$='/corrections']", new() { ["text"] = "An earlier version gave the wrong fee." })).StatusCode);

        Assert.Equal(revisionsBefore + 1, await factory.QueryAsync(db => db.Revisions.CountAsync(r => r.ArticleId == article.Id)));
        Assert.Contains(AuditActions.Corrected, await factory.QueryAsync(db => db.AuditLog.Where(a => a.Actor == colleague.Email).Select(a => a.Action).ToListAsync()));

        // The correction changed no field the open form edits: saving it is not a conflict.
        openForm["Body"] = "A clearer explanation.";
        openForm["command"] = "Save";
        var saved = await editor.PostFieldsAsync($"/editor/articles/{article.Id}", openForm);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("A clearer explanation.", (await ArticleAsync(article.Id)).PendingContent!.BodyMarkdown);
    }
}
