using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>Every change the newsroom makes is in the audit log, committed with the change it records.</summary>
[Collection(EditorAreaCollection.Name)]
public class AuditLogTests(EditorAreaFactory factory)
{
    private Task<List<string>> ActionsOnAsync(int articleId) =>
        factory.QueryAsync(db => db.AuditLog.Where(a => a.Target!.StartsWith($"article {articleId} ")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    [Fact]
    public async Task WritingPublishingRestoringAndCorrectingAreEachRecorded()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var headline = $"Night trains return to the valley line {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", ArticleWorkflowTests.Fields(headline, "Save", body: "The first wording."))).StatusCode);
        var id = await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{id}", "form.editor-form", new() { ["Body"] = "The second wording.", ["command"] = "Save" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{id}", "form.editor-form", new() { ["command"] = "Publish" })).StatusCode);

        var first = await factory.QueryAsync(db => db.Revisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var restore = await editor.PostFormAsync($"/editor/articles/{id}/revisions", $"form[action='/editor/articles/{id}/revisions/{first.ToString(CultureInfo.InvariantCulture)}/restore']", []);
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);

        var correction = await editor.PostFormAsync($"/editor/articles/{id}", $"form[action='/editor/articles/{id}/corrections']", new() { ["text"] = "An earlier version gave the wrong departure time." });
        Assert.Equal(HttpStatusCode.Redirect, correction.StatusCode);

        Assert.Equal(
            [AuditActions.Created, AuditActions.Saved, AuditActions.Saved, AuditActions.Published, AuditActions.Restored, AuditActions.Corrected],
            await ActionsOnAsync(id));
        var actors = await factory.QueryAsync(db => db.AuditLog.Where(a => a.Target!.StartsWith($"article {id} ")).Select(a => a.Actor).Distinct().ToListAsync());
        Assert.Equal([editor.Email], actors);
    }

    [Fact]
    public async Task ARefusedSaveLeavesNoRecord()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var headline = $"Bridge inspection finds no damage {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", ArticleWorkflowTests.Fields(headline, "Save"))).StatusCode);
        var id = await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.Id).SingleAsync());

        var refused = await editor.PostFormAsync($"/editor/articles/{id}", "form.editor-form", new() { ["TimeZone"] = "Nowhere/Atlantis", ["command"] = "Save" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal([AuditActions.Created], await ActionsOnAsync(id));
    }

    [Fact]
    public async Task SetupChangesAreRecordedWithTheAdmin()
    {
        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin);
        var slug = $"harbours-{Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/editor/setup", "form[action='/editor/setup/sections']", new() { ["Edition"] = "en", ["Name"] = "Harbours", ["Slug"] = slug })).StatusCode);
        var sectionId = await factory.QueryAsync(db => db.Sections.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/editor/setup", $"form[action='/editor/setup/sections/{sectionId}/rename']", new() { ["name"] = "Ports and harbours" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/editor/setup", $"form[action='/editor/setup/sections/{sectionId}/remove']", [])).StatusCode);

        var entries = await factory.QueryAsync(db => db.AuditLog.Where(a => a.Target == $"section en/{slug}").OrderBy(a => a.Id).Select(a => new { a.Action, a.Actor, a.Detail }).ToListAsync());
        Assert.Equal([AuditActions.SectionAdded, AuditActions.SectionRenamed, AuditActions.SectionRemoved], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(admin.Email, e.Actor));
        Assert.Equal("Harbours → Ports and harbours", entries[1].Detail);
    }
}
