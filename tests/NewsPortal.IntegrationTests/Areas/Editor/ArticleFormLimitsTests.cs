using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;
using SkiaSharp;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>
/// What a newsroom really posts: camera-sized pictures and forms with hundreds of sources. Served by Kestrel,
/// because only a real server enforces request size limits. Requests over a limit are refused with the reason
/// on the article form, never with "Page not found".
/// </summary>
[Collection(KestrelSiteCollection.Name)]
public class ArticleFormLimitsTests(KestrelSiteFactory factory)
{
    private static readonly HtmlParser Parser = new();

    private async Task<EditorSession> SignInAsync()
    {
        var client = factory.CreateKestrelClient();
        // As a browser would wait for the answer: the refusal arrives before the body is sent.
        client.DefaultRequestHeaders.ExpectContinue = true;
        return await EditorSession.SignInAsync(factory, NewsroomRoles.Editor, client);
    }

    /// <summary>A photograph-like JPEG (noise does not compress) of about <paramref name="megabytes"/> MB.</summary>
    private static byte[] CameraJpeg(int width, int height, int megabytes)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var random = new Random(7);
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 100).ToArray();
        Assert.InRange(jpeg.Length, (megabytes - 4) * 1024 * 1024, 30 * 1024 * 1024);
        return jpeg;
    }

    private static string Problems(IHtmlDocument page) => page.QuerySelector(".problems")?.TextContent ?? "(no problems shown)";

    [Fact]
    public async Task ACameraSizedJpegIsAcceptedAndScaledDown()
    {
        var editor = await SignInAsync();
        var headline = $"Flood pictures from the river {Guid.NewGuid():N}";
        var fields = ArticleWorkflowTests.Fields(headline, "Save");
        fields["AltText"] = "The flooded river bank";

        var response = await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields, ("leadImage", "DSC01234.JPG", CameraJpeg(5000, 3500, 24)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var image = await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.LeadImage!).SingleAsync());
        Assert.Equal(1600, image.Width);
        using var master = SKBitmap.Decode(Path.Combine(factory.DataDirectory, "masters", image.StorageKey + ".jpg"));
        Assert.InRange(master.Width, 3000, 4000);
        Assert.InRange(master.Height, (master.Width * 7 / 10) - 1, (master.Width * 7 / 10) + 1);
    }

    [Fact]
    public async Task AnUploadOverTheRequestLimitIs413WithTheReasonOnTheNewArticleForm()
    {
        var editor = await SignInAsync();
        var headline = $"Too big to send {Guid.NewGuid():N}";

        var response = await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", ArticleWorkflowTests.Fields(headline, "Save"),
            ("leadImage", "video.jpg", new byte[(64 * 1024 * 1024) + 1]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("larger than 64 MB in all", Problems(page), StringComparison.Ordinal);
        Assert.Equal("New article in English", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("form.editor-form input[name=__RequestVerificationToken]"));
        Assert.False(await factory.QueryAsync(db => db.Articles.AnyAsync(a => a.Headline == headline)));
        Assert.Contains(factory.Lines.Entries, e => e.StartsWith("Information", StringComparison.Ordinal) && e.Contains("Refused an unreadable article form", StringComparison.Ordinal) && e.Contains("413", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUploadOverTheRequestLimitShowsTheStoredArticle()
    {
        var editor = await SignInAsync();
        var headline = $"Stored before the big upload {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", ArticleWorkflowTests.Fields(headline, "Save"))).StatusCode);
        var id = await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.Id).SingleAsync());

        var response = await editor.PostFormAsync($"/editor/articles/{id}", "form.editor-form", new() { ["Headline"] = "Changed headline", ["command"] = "Save" },
            ("leadImage", "video.jpg", new byte[(64 * 1024 * 1024) + 1]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("larger than 64 MB in all", Problems(page), StringComparison.Ordinal);
        Assert.Equal(headline, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Headline")!).Value);
        Assert.Equal(headline, await factory.QueryAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Headline).SingleAsync()));
    }

    [Fact]
    public async Task AnArticleFormWithThousandsOfValuesIsSaved()
    {
        var editor = await SignInAsync();
        var headline = $"Credited by a big newsroom {Guid.NewGuid():N}";
        var fields = ArticleWorkflowTests.Fields(headline, "Save");
        // What 1,000 listed sources post: a code and a role each (unknown codes are ignored).
        for (var i = 5; i < 1005; i++)
        {
            fields[$"Sources[{i}].Code"] = $"source-{i}";
            fields[$"Sources[{i}].Role"] = "";
        }

        var response = await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.Articles.AnyAsync(a => a.Headline == headline)));
    }

    [Fact]
    public async Task AnArticleFormWithTooManyValuesIs400WithTheReasonOnTheForm()
    {
        var editor = await SignInAsync();
        var headline = $"Far too many fields {Guid.NewGuid():N}";
        var fields = ArticleWorkflowTests.Fields(headline, "Save");
        for (var i = 0; i < 5001; i++)
        {
            fields[$"Extra{i}"] = "x";
        }

        var response = await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("more than 5,000 fields", Problems(page), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form.editor-form"));
        Assert.False(await factory.QueryAsync(db => db.Articles.AnyAsync(a => a.Headline == headline)));
    }

    [Fact]
    public async Task OtherFormsKeepTheDefaultLimitAndAnswer400NotPageNotFound()
    {
        var client = factory.CreateKestrelClient();
        var session = new EditorSession(client);
        var fields = new Dictionary<string, string> { ["Email"] = "nobody@newsroom.test", ["Password"] = "wrong password" };
        for (var i = 0; i < 1100; i++)
        {
            fields[$"Extra{i}"] = "x";
        }

        var response = await session.PostFormAsync("/editor/login", "form[action='/editor/login']", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
