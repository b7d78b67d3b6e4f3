using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;
using SkiaSharp;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>Pictures are hostile input too: only real JPEG, PNG and WebP get in, re-encoded, without metadata.</summary>
[Collection(EditorAreaCollection.Name)]
public class ImageUploadTests(EditorAreaFactory factory)
{
    internal static byte[] Picture(SKEncodedImageFormat format, int width = 640, int height = 480)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            canvas.DrawCircle(width / 2f, height / 2f, height / 4f, new SKPaint { Color = SKColors.Orange });
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    /// <summary>A JPEG carrying an Exif segment with a (made-up) GPS position, as phones write them.</summary>
    private static byte[] JpegWithLocation()
    {
        var jpeg = Picture(SKEncodedImageFormat.Jpeg);
        var payload = Encoding.ASCII.GetBytes("Exif\0\0GPSLatitude=55.7558;GPSLongitude=37.6173");
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        segment[2] = (byte)((payload.Length + 2) >> 8);
        segment[3] = (byte)((payload.Length + 2) & 0xFF);
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A small real JPEG whose header claims another size: the decoder reads the size before any pixel.</summary>
    private static byte[] JpegClaimingSize(int width, int height)
    {
        var jpeg = Picture(SKEncodedImageFormat.Jpeg);
        for (var i = 2; i < jpeg.Length - 9; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC2)
            {
                jpeg[i + 5] = (byte)(height >> 8);
                jpeg[i + 6] = (byte)height;
                jpeg[i + 7] = (byte)(width >> 8);
                jpeg[i + 8] = (byte)width;
                return jpeg;
            }
        }

        throw new InvalidOperationException("No start-of-frame segment in the test JPEG.");
    }

    private async Task<(HttpResponseMessage Response, string Html, string Headline)> UploadAsync(string fileName, byte[] content, Dictionary<string, string>? extra = null)
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var headline = $"Story with a picture {Guid.NewGuid():N}";
        var fields = ArticleWorkflowTests.Fields(headline, "Save");
        fields["AltText"] = "An orange circle on a blue ground";
        foreach (var (name, value) in extra ?? [])
        {
            fields[name] = value;
        }

        var response = await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields, ("leadImage", fileName, content));
        return (response, await response.Content.ReadAsStringAsync(), headline);
    }

    /// <summary>Case names only: the bytes are made inside the test, so discovery stays small.</summary>
    public static TheoryData<string> Rejected() =>
        new("html-renamed-jpg", "svg", "svg-renamed-png", "path-in-name", "windows-path-in-name", "empty", "pdf", "truncated-jpeg", "over-100-megapixel-jpeg");

    private static (string FileName, byte[] Content, string Message) RejectedUpload(string name) => name switch
    {
        "html-renamed-jpg" => ("report.jpg", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>"), "not a JPEG, PNG or WebP picture"),
        "svg" => ("logo.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "Only JPEG, PNG and WebP"),
        "svg-renamed-png" => ("logo.png", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "not a JPEG, PNG or WebP picture"),
        "path-in-name" => ("../../etc/passwd.jpg", Picture(SKEncodedImageFormat.Jpeg), "must not contain a path"),
        "windows-path-in-name" => ("..\\photo.png", Picture(SKEncodedImageFormat.Png), "must not contain a path"),
        "truncated-jpeg" => ("cut-off.jpg", Picture(SKEncodedImageFormat.Jpeg, 1600, 1200)[..2048], "The picture file is incomplete or damaged"),
        "over-100-megapixel-jpeg" => ("medium-format.jpg", JpegClaimingSize(12_000, 9_000), "larger than 100 megapixels"),
        "empty" => ("empty.png", [], "empty"),
        "pdf" => ("document.pdf", Encoding.ASCII.GetBytes("%PDF-1.7"), "Only JPEG, PNG and WebP"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task RefusesWhatIsNotASafePictureWithAClearMessage(string upload)
    {
        var (fileName, content, message) = RejectedUpload(upload);
        var (response, html, headline) = await UploadAsync(fileName, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Articles.AnyAsync(a => a.Headline == headline)));
    }

    [Fact]
    public async Task RefusesAPictureOverTheSizeLimitWith413AndKeepsTheText()
    {
        var (response, html, headline) = await UploadAsync("camera.jpg", new byte[(30 * 1024 * 1024) + 1]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = new HtmlParser().ParseDocument(html);
        Assert.Contains("The picture is larger than 30 MB", page.QuerySelector(".problems")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(headline, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Headline")!).Value);
        Assert.Contains("up to 30 MB", page.QuerySelector("label[for=leadImage]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Articles.AnyAsync(a => a.Headline == headline)));
    }

    public static TheoryData<string, string> OutOfRangeFocalPoints() => new()
    {
        { "FocalX", "NaN" },
        { "FocalX", "1e10" },
        { "FocalX", "-0.0001" },
        { "FocalY", "NaN" },
        { "FocalY", "1e10" },
        { "FocalY", "-0.0001" },
        { "FocalY", "1.0001" },
    };

    [Theory]
    [MemberData(nameof(OutOfRangeFocalPoints))]
    public async Task ArticleFormRefusesFocalPointOutsideZeroToOneAndKeepsTheText(string field, string value)
    {
        var (response, html, headline) = await UploadAsync("photo.jpg", Picture(SKEncodedImageFormat.Jpeg), new() { [field] = value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlParser().ParseDocument(html);
        var axis = field == "FocalX" ? "across" : "down";
        Assert.Contains($"The focal point {axis} must be a number from 0", page.QuerySelector(".problems")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(headline, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Headline")!).Value);
        Assert.Equal("An orange circle on a blue ground", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#AltText")!).Value);
        Assert.False(await factory.QueryAsync(db => db.Articles.AnyAsync(a => a.Headline == headline)));
    }

    [Fact]
    public async Task RefusesPicturesOverThePixelLimit()
    {
        var (response, html, _) = await UploadAsync("panorama.png", Picture(SKEncodedImageFormat.Png, 9000, 5000));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("megapixels", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("photo.jpg")]
    [InlineData("photo.JPEG")]
    public async Task StoresA16By9ReencodedCopyWithoutTheLocation(string fileName)
    {
        var (response, _, headline) = await UploadAsync(fileName, JpegWithLocation());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var image = await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.LeadImage!).SingleAsync());
        Assert.Equal("An orange circle on a blue ground", image.AltText);
        Assert.InRange(Math.Abs((image.Width * 9) - (image.Height * 16)), 0, 16);
        var stored = await File.ReadAllBytesAsync(Path.Combine(factory.DataDirectory, "media", Image.RenditionFileName(image.StorageKey, image.AvailableWidths[0])));
        Assert.DoesNotContain("GPSLatitude", Encoding.ASCII.GetString(stored), StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty.ToString("N"), image.StorageKey);
    }

    [Fact]
    public async Task APolyglotIsReencodedSoItsPayloadIsGone()
    {
        var polyglot = Picture(SKEncodedImageFormat.Png).Concat(Encoding.UTF8.GetBytes("<script>alert('polyglot')</script>")).ToArray();
        var (response, _, headline) = await UploadAsync("innocent.png", polyglot);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var image = await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.LeadImage!).SingleAsync());
        foreach (var width in image.AvailableWidths)
        {
            var stored = await File.ReadAllBytesAsync(Path.Combine(factory.DataDirectory, "media", Image.RenditionFileName(image.StorageKey, width)));
            Assert.DoesNotContain("polyglot", Encoding.ASCII.GetString(stored), StringComparison.Ordinal);
            Assert.Equal(0xFF, stored[0]);
            Assert.Equal(0xD8, stored[1]);
        }
    }
}
