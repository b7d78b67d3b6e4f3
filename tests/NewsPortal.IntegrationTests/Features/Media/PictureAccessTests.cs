using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Areas.Editor;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;
using SkiaSharp;

namespace NewsPortal.IntegrationTests.Features.Media;

/// <summary>
/// A picture is public once it leads a published story. Before that (a draft, a scheduled story, the pending change
/// of a live story) its URL answers only its author, editors and admins, and never with a cacheable response.
/// </summary>
[Collection(EditorAreaCollection.Name)]
public class PictureAccessTests(EditorAreaFactory factory)
{
    private async Task<(EditorSession Author, Article Article)> StoryWithPictureAsync(string role, string command, Action<Dictionary<string, string>>? more = null)
    {
        var author = await EditorSession.SignInAsync(factory, role);
        var headline = $"Picture access {Guid.NewGuid():N}";
        var fields = ArticleWorkflowTests.Fields(headline, command);
        fields["AltText"] = "A grey square on a white ground";
        more?.Invoke(fields);
        var created = await author.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields, ("leadImage", "square.jpg", ImageUploadTests.Picture(SKEncodedImageFormat.Jpeg, 1280, 720)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var article = await factory.QueryAsync(db => db.Articles.AsNoTracking().Include(a => a.LeadImage).SingleAsync(a => a.Headline == headline));
        return (author, article);
    }

    private static string Rendition(Image image) => $"/media/{Image.RenditionFileName(image.StorageKey, 480)}";

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) => client.GetAsync(new Uri(path, UriKind.Relative));

    [Fact]
    public async Task ADraftsPictureIsShownToItsAuthorAndEditorsOnlyAndNeverCached()
    {
        var (writer, article) = await StoryWithPictureAsync(NewsroomRoles.Writer, "Save");
        var path = Rendition(article.LeadImage!);
        var otherWriter = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(factory.CreateReader(), path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateReader().SendAsync(new HttpRequestMessage(HttpMethod.Head, path))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(otherWriter.Client, path)).StatusCode);
        foreach (var allowed in new[] { writer, editor })
        {
            var response = await GetAsync(allowed.Client, path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl!.NoStore, response.Headers.ToString());
            Assert.False(response.Headers.CacheControl.Public);
            Assert.Null(response.Headers.CacheControl.MaxAge);
        }
    }

    [Fact]
    public async Task AScheduledStorysPictureStaysPrivateUntilItIsPublished()
    {
        var (editor, article) = await StoryWithPictureAsync(NewsroomRoles.Editor, "Schedule",
            fields => fields["PublishAt"] = DateTime.UtcNow.AddHours(3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        var path = Rendition(article.LeadImage!);
        Assert.Equal(ArticleStatus.Scheduled, article.Status);

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(factory.CreateReader(), path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(editor.Client, path)).StatusCode);
    }

    [Fact]
    public async Task APublishedStorysPictureIsPublicAndAPendingReplacementIsNot()
    {
        var (editor, article) = await StoryWithPictureAsync(NewsroomRoles.Editor, "Publish");
        var live = await GetAsync(factory.CreateReader(), Rendition(article.LeadImage!));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.True(live.Headers.CacheControl!.Public);

        var saved = await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["AltText"] = "A second picture", ["command"] = "Save" },
            ("leadImage", "second.jpg", ImageUploadTests.Picture(SKEncodedImageFormat.Jpeg, 1600, 900)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var pending = await factory.QueryAsync(db => db.Articles.AsNoTracking().Where(a => a.Id == article.Id).Select(a => a.PendingContent).SingleAsync());
        var pendingImage = await factory.QueryAsync(db => db.Images.AsNoTracking().SingleAsync(i => i.Id == pending!.LeadImageId));

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(factory.CreateReader(), Rendition(pendingImage))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(editor.Client, Rendition(pendingImage))).StatusCode);
    }

    [Theory]
    [InlineData("/media/")]
    [InlineData("/media/notes.txt")]
    [InlineData("/media/0123456789abcdef-480.jpg")]
    public async Task AnythingElseUnderMediaIsNotFound(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(factory.CreateReader(), path)).StatusCode);
    }
}
