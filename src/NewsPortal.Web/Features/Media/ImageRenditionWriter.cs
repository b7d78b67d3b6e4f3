using NewsPortal.Web.Hosting;
using SkiaSharp;
using DomainImage = NewsPortal.Web.Domain.Image;

namespace NewsPortal.Web.Features.Media;

/// <summary>Why an image was refused; the message is safe to show to the person who sent it.</summary>
public sealed class ImageRejectedException(string message) : Exception(message);

/// <summary>What was stored for one image: its generated key and the size of its largest rendition.</summary>
public sealed record StoredImage(string StorageKey, int Width, int Height);

/// <summary>
/// Decodes a picture with SkiaSharp (so nothing of the original file, metadata included, survives),
/// crops it to 16:9 around a focal point and writes JPEG renditions at <see cref="DomainImage.RenditionWidths"/>
/// into the media folder under a generated name.
/// </summary>
public sealed class ImageRenditionWriter(StoragePaths paths)
{
    /// <summary>Pictures above this many pixels are refused before they are decoded.</summary>
    public const long MaxPixels = 40_000_000;

    private const int JpegQuality = 80;

    public StoredImage Write(Stream source, double focalX, double focalY)
    {
        using var data = SKData.Create(source) ?? throw new ImageRejectedException("The file is empty or could not be read.");
        using var codec = SKCodec.Create(data) ?? throw new ImageRejectedException("The file is not a JPEG, PNG or WebP picture.");
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
        {
            throw new ImageRejectedException("Only JPEG, PNG and WebP pictures are accepted.");
        }

        var info = codec.Info;
        if ((long)info.Width * info.Height > MaxPixels)
        {
            throw new ImageRejectedException($"The picture is larger than {MaxPixels / 1_000_000} megapixels.");
        }

        using var bitmap = SKBitmap.Decode(codec, info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul))
            ?? throw new ImageRejectedException("The picture could not be decoded.");
        using var image = SKImage.FromBitmap(bitmap);
        var crop = FocalCrop.SixteenByNine(bitmap.Width, bitmap.Height, focalX, focalY);
        var key = Guid.NewGuid().ToString("N");
        var widths = DomainImage.RenditionWidthsFor(crop.Width);
        foreach (var width in widths)
        {
            var height = (int)Math.Round(width * 9 / 16.0);
            WriteRendition(image, crop, width, height, Path.Combine(paths.MediaDirectory, DomainImage.RenditionFileName(key, width)));
        }

        return new StoredImage(key, widths[^1], (int)Math.Round(widths[^1] * 9 / 16.0));
    }

    private static void WriteRendition(SKImage image, FocalCrop crop, int width, int height, string path)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Could not allocate a drawing surface.");
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawImage(
            image,
            new SKRect(crop.Left, crop.Top, crop.Left + crop.Width, crop.Top + crop.Height),
            new SKRect(0, 0, width, height),
            new SKSamplingOptions(SKCubicResampler.Mitchell),
            null);
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        {
            encoded.SaveTo(file);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
