using NewsPortal.Web.Content.Media;

namespace NewsPortal.Web.Features.Editing;

/// <summary>
/// Checks an uploaded picture before SkiaSharp decodes it: size at most <see cref="MaxBytes"/>, a JPEG, PNG or WebP name,
/// no path in the name. The decoder then decides what the bytes really are; anything it cannot read as
/// one of those formats (SVG, HTML renamed .jpg) is refused, and what it can read is re-encoded, so no
/// metadata or appended payload survives.
/// </summary>
public static class UploadedImage
{
    public const long MaxBytes = ArticleFormLimits.MaxPictureBytes;

    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png", ".webp"];

    public static StoredImage Store(IFormFile file, ImageRenditionWriter writer, double focalX, double focalY)
    {
        var name = file.FileName ?? "";
        if (name.Contains("..", StringComparison.Ordinal) || name.IndexOfAny(['/', '\\', '\0']) >= 0)
        {
            throw new ImageRejectedException("Image.PathInName");
        }

        if (!Extensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
        {
            throw new ImageRejectedException("Image.FormatNotAcceptedByName");
        }

        if (file.Length == 0)
        {
            throw new ImageRejectedException("Image.Empty");
        }

        if (file.Length > MaxBytes)
        {
            throw new ImageRejectedException("Image.TooManyBytes", [MaxBytes / (1024 * 1024)], tooLarge: true);
        }

        using var stream = file.OpenReadStream();
        return writer.Write(stream, focalX, focalY);
    }
}
