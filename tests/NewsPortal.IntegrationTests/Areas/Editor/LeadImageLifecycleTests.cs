using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;
using SkiaSharp;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>
/// A lead picture can be taken down, replaced and re-cropped: files nobody uses any more answer 404 as soon as
/// the save has committed, never before, and a new crop gets new URLs.
/// </summary>
[Collection(EditorAreaCollection.Name)]
public class LeadImageLifecycleTests(EditorAreaFactory factory)
{
    private async Task<(EditorSession Editor, Article Article)> ArticleWithPictureAsync(string command = "Save")
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var headline = $"Story with a lead picture {Guid.NewGuid():N}";
        var fields = ArticleWorkflowTests.Fields(headline, command);
        fields["AltText"] = "An orange circle on a blue ground";
        var created = await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields, ("leadImage", "photo.jpg", ImageUploadTests.Picture(SKEncodedImageFormat.Jpeg, 1920, 1080)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return (editor, await ArticleAsync(headline));
    }

    private Task<Article> ArticleAsync(string headline) =>
        factory.QueryAsync(db => db.Articles.AsNoTracking().Include(a => a.LeadImage).SingleAsync(a => a.Headline == headline));

    private string MasterPath(string key) => Path.Combine(factory.DataDirectory, "masters", key + ".jpg");

    /// <summary>The status of a rendition as an editor gets it (a draft's picture is not public).</summary>
    private async Task<HttpStatusCode> MediaStatusAsync(string key, int width = 480) =>
        (await (newsroom ??= await EditorSession.SignInAsync(factory, NewsroomRoles.Editor)).Client.GetAsync(new Uri($"/media/{Image.RenditionFileName(key, width)}", UriKind.Relative))).StatusCode;

    private EditorSession? newsroom;

    [Fact]
    public async Task RemovingTheLeadImageDeletesItsFilesAndRow()
    {
        var (editor, article) = await ArticleWithPictureAsync();
        var image = article.LeadImage!;
        Assert.Equal(HttpStatusCode.OK, await MediaStatusAsync(image.StorageKey));
        Assert.True(File.Exists(MasterPath(image.StorageKey)));

        var page = await editor.GetDocumentAsync($"/editor/articles/{article.Id}");
        Assert.NotNull(page.QuerySelector("input[type=checkbox]#RemoveLeadImage"));
        Assert.Equal("Remove the lead image", page.QuerySelector("label[for=RemoveLeadImage]")!.TextContent);
        var saved = await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["RemoveLeadImage"] = "true", ["command"] = "Save" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Null((await ArticleAsync(article.Headline)).LeadImageId);
        Assert.False(await factory.QueryAsync(db => db.Images.AnyAsync(i => i.Id == image.Id)));
        foreach (var width in image.AvailableWidths)
        {
            Assert.Equal(HttpStatusCode.NotFound, await MediaStatusAsync(image.StorageKey, width));
        }

        Assert.False(File.Exists(MasterPath(image.StorageKey)));
        Assert.Null((await editor.GetDocumentAsync($"/editor/articles/{article.Id}")).QuerySelector("#RemoveLeadImage"));
    }

    [Fact]
    public async Task ATakenDownPictureWaitsUnservedForBackupsAndIsDeletedAfterItsTime()
    {
        var (editor, article) = await ArticleWithPictureAsync();
        var image = article.LeadImage!;
        var takenDown = Path.Combine(factory.DataDirectory, "taken-down");

        await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["RemoveLeadImage"] = "true", ["command"] = "Save" });

        // Out of service at once, but kept for a backup whose snapshot still shows it.
        Assert.Equal(HttpStatusCode.NotFound, await MediaStatusAsync(image.StorageKey));
        var waiting = Path.Combine(takenDown, "media", Image.RenditionFileName(image.StorageKey, 480));
        Assert.True(File.Exists(waiting));
        Assert.True(File.Exists(Path.Combine(takenDown, "masters", image.StorageKey + ".jpg")));

        // A day later (Storage:TakenDownPictureHours), the next picture taken down deletes it for good.
        File.SetLastWriteTimeUtc(waiting, DateTime.UtcNow.AddHours(-25));
        var (other, second) = await ArticleWithPictureAsync();
        await other.PostFormAsync($"/editor/articles/{second.Id}", "form.editor-form", new() { ["RemoveLeadImage"] = "true", ["command"] = "Save" });
        Assert.False(File.Exists(waiting));
        Assert.True(File.Exists(Path.Combine(takenDown, "media", Image.RenditionFileName(second.LeadImage!.StorageKey, 480))));
    }

    [Fact]
    public async Task ReplacingTheLeadImageServesTheNewOneAndDeletesTheOld()
    {
        var (editor, article) = await ArticleWithPictureAsync();
        var old = article.LeadImage!;

        var saved = await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["command"] = "Save" },
            ("leadImage", "other.png", ImageUploadTests.Picture(SKEncodedImageFormat.Png, 1280, 720)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var replacement = (await ArticleAsync(article.Headline)).LeadImage!;
        Assert.NotEqual(old.StorageKey, replacement.StorageKey);
        Assert.Equal(HttpStatusCode.OK, await MediaStatusAsync(replacement.StorageKey));
        Assert.Equal(HttpStatusCode.NotFound, await MediaStatusAsync(old.StorageKey));
        Assert.False(await factory.QueryAsync(db => db.Images.AnyAsync(i => i.Id == old.Id)));
    }

    [Fact]
    public async Task AFailedSaveLeavesTheStoredPictureAlone()
    {
        var (editor, article) = await ArticleWithPictureAsync();
        var image = article.LeadImage!;
        var mediaBefore = Directory.GetFiles(Path.Combine(factory.DataDirectory, "media")).Length;

        // Someone else changed the story first (after this editor's lock had ended): this save, which also removes the
        // picture, is a conflict and stores nothing.
        await editor.StopEditingAsync(article.Id);
        var other = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        Assert.Equal(HttpStatusCode.Redirect, (await other.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["Lead"] = "Their new lead.", ["command"] = "Save" })).StatusCode);
        await other.StopEditingAsync(article.Id);
        var conflict = await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form",
            new() { ["Version"] = article.Version.ToString(CultureInfo.InvariantCulture), ["RemoveLeadImage"] = "true", ["command"] = "Save" });

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(image.StorageKey, (await ArticleAsync(article.Headline)).LeadImage!.StorageKey);
        Assert.Equal(HttpStatusCode.OK, await MediaStatusAsync(image.StorageKey));
        Assert.True(File.Exists(MasterPath(image.StorageKey)));
        Assert.Equal(mediaBefore, Directory.GetFiles(Path.Combine(factory.DataDirectory, "media")).Length);
    }

    [Fact]
    public async Task ARejectedReplacementLeavesTheStoredPictureAlone()
    {
        var (editor, article) = await ArticleWithPictureAsync();
        var image = article.LeadImage!;

        var refused = await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["command"] = "Save" },
            ("leadImage", "cut-off.jpg", ImageUploadTests.Picture(SKEncodedImageFormat.Jpeg, 1600, 1200)[..2048]));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(image.StorageKey, (await ArticleAsync(article.Headline)).LeadImage!.StorageKey);
        Assert.Equal(HttpStatusCode.OK, await MediaStatusAsync(image.StorageKey));
    }

    [Fact]
    public async Task MediaAreCachedBrieflyAndRevalidatedNotImmutableForAYear()
    {
        var (_, article) = await ArticleWithPictureAsync("Publish");

        var response = await factory.CreateReader().GetAsync(new Uri($"/media/{Image.RenditionFileName(article.LeadImage!.StorageKey, 480)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cacheControl = response.Headers.CacheControl!;
        Assert.True(cacheControl.Public);
        Assert.Equal(TimeSpan.FromMinutes(5), cacheControl.MaxAge);
        Assert.DoesNotContain("immutable", cacheControl.ToString(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task TheCachedReaderPageStopsShowingARemovedPicture()
    {
        var (editor, article) = await ArticleWithPictureAsync("Publish");
        var url = $"/en/a/{article.Slug}/{article.Id}";
        var reader = factory.CreateReader();
        var (_, before) = await reader.GetPageAsync(url);
        Assert.Contains(article.LeadImage!.StorageKey, before.DocumentElement.OuterHtml, StringComparison.Ordinal);
        await reader.GetPageAsync(url); // now served from the reader cache

        // On a live story a removal waits for review like any edit; "Update live article" takes the picture down.
        await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["RemoveLeadImage"] = "true", ["command"] = "Save" });
        var (_, pending) = await reader.GetPageAsync(url);
        Assert.Contains(article.LeadImage!.StorageKey, pending.DocumentElement.OuterHtml, StringComparison.Ordinal);
        await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["RemoveLeadImage"] = "true", ["command"] = "UpdateLive" });

        var (response, after) = await reader.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(article.LeadImage!.StorageKey, after.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingTheFocalPointRecropsUnderNewUrlsAndDeletesTheOldOnes()
    {
        var (editor, article) = await ArticleWithPictureAsync();
        var old = article.LeadImage!;
        var oldRendition = await File.ReadAllBytesAsync(Path.Combine(factory.DataDirectory, "media", Image.RenditionFileName(old.StorageKey, 480)));

        var saved = await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["FocalX"] = "0", ["FocalY"] = "0.25", ["command"] = "Save" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var image = (await ArticleAsync(article.Headline)).LeadImage!;
        Assert.NotEqual(old.Id, image.Id);
        Assert.False(await factory.QueryAsync(db => db.Images.AnyAsync(i => i.Id == old.Id)));
        Assert.Equal(0, image.FocalX);
        Assert.Equal(0.25, image.FocalY);
        Assert.NotEqual(old.StorageKey, image.StorageKey);
        Assert.Equal(HttpStatusCode.NotFound, await MediaStatusAsync(old.StorageKey));
        Assert.Equal(HttpStatusCode.OK, await MediaStatusAsync(image.StorageKey));
        var newRendition = await File.ReadAllBytesAsync(Path.Combine(factory.DataDirectory, "media", Image.RenditionFileName(image.StorageKey, 480)));
        Assert.NotEqual(oldRendition, newRendition);
        var page = await editor.GetDocumentAsync($"/editor/articles/{article.Id}");
        Assert.Null(page.QuerySelector(".problems"));
        Assert.Equal("0", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#FocalX")!).Value);
    }

    [Fact]
    public async Task APictureStoredBeforeMastersSaysItsFocalPointCannotChange()
    {
        var (editor, article) = await ArticleWithPictureAsync();
        var old = article.LeadImage!;
        File.Delete(MasterPath(old.StorageKey)); // as for a picture uploaded before masters were kept

        var saved = await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["FocalX"] = "0.9", ["Lead"] = "A changed lead.", ["command"] = "Save" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await ArticleAsync(article.Headline);
        Assert.Equal("A changed lead.", stored.Lead);
        Assert.Equal(old.StorageKey, stored.LeadImage!.StorageKey);
        Assert.Equal(0.5, stored.LeadImage.FocalX);
        var page = await editor.GetDocumentAsync($"/editor/articles/{article.Id}");
        Assert.Contains("The focal point can only change after uploading the picture again", page.QuerySelector(".problems")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMasterIsAPrivateReencodedCopy()
    {
        var (_, article) = await ArticleWithPictureAsync();
        var key = article.LeadImage!.StorageKey;

        using var master = SKBitmap.Decode(MasterPath(key));
        Assert.Equal(1920, master.Width);
        Assert.False(Directory.Exists(Path.Combine(factory.DataDirectory, "media", "masters")));
        foreach (var path in new[] { $"/media/../masters/{key}.jpg", $"/media/..%2Fmasters/{key}.jpg", $"/masters/{key}.jpg" })
        {
            Assert.NotEqual(HttpStatusCode.OK, (await factory.CreateReader().GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task ANewPictureOnALiveStoryWaitsForReviewAndADiscardedOneIsDeleted()
    {
        var (editor, article) = await ArticleWithPictureAsync("Publish");
        var live = article.LeadImage!;
        var url = $"/en/a/{article.Slug}/{article.Id}";
        var fields = new Dictionary<string, string> { ["AltText"] = "A second picture", ["command"] = "Save" };
        var saved = await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", fields, ("leadImage", "second.jpg", ImageUploadTests.Picture(SKEncodedImageFormat.Jpeg, 1600, 900)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Readers keep the live picture; the pending one exists only for the editors.
        var pending = await factory.QueryAsync(db => db.Articles.AsNoTracking().Where(a => a.Id == article.Id).Select(a => a.PendingContent).SingleAsync());
        var pendingImage = await factory.QueryAsync(db => db.Images.AsNoTracking().SingleAsync(i => i.Id == pending!.LeadImageId));
        var (_, page) = await factory.CreateReader().GetPageAsync(url);
        Assert.Contains(live.StorageKey, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(pendingImage.StorageKey, page.DocumentElement.OuterHtml, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["command"] = "DiscardPending" })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, await MediaStatusAsync(pendingImage.StorageKey));
        Assert.False(await factory.QueryAsync(db => db.Images.AnyAsync(i => i.Id == pendingImage.Id)));
        Assert.Equal(HttpStatusCode.OK, await MediaStatusAsync(live.StorageKey));
        Assert.Equal(live.Id, (await ArticleAsync(article.Headline)).LeadImageId);
    }
}
