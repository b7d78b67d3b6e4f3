using NewsPortal.Web.Features.Media;

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
            throw new ImageRejectedException("The file name must not contain a path.");
        }

        if (!Extensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
        {
            throw new ImageRejectedException("Only JPEG, PNG and WebP pictures are accepted (SVG and other formats are not).");
        }

        if (file.Length == 0)
        {
            throw new ImageRejectedException("The file is empty.");
        }

        if (file.Length > MaxBytes)
        {
            throw new ImageRejectedException($"The picture is larger than {ArticleFormLimits.Megabytes(MaxBytes)}: nothing was saved. Export a smaller JPEG and choose it again.", tooLarge: true);
        }

        using var stream = file.OpenReadStream();
        return writer.Write(stream, focalX, focalY);
    }
}
