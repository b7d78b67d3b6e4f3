using NewsPortal.Web.Settings;
using SkiaSharp;
using DomainImage = NewsPortal.Web.Domain.Image;

namespace NewsPortal.Web.Content.Media;

/// <summary>
/// Why an image was refused: a resource key of the editor area's text (<c>Image.*</c>) and its arguments, safe to
/// show to the person who sent it once worded in their language.
/// </summary>
public sealed class ImageRejectedException(string key, object[]? arguments = null, bool tooLarge = false) : Exception(key)
{
    public string Key { get; } = key;

    public object[] Arguments { get; } = arguments ?? [];

    /// <summary>The file is over the size limit: the form answers 413 rather than 400.</summary>
    public bool TooLarge { get; } = tooLarge;
}

/// <summary>What was stored for one image: its generated key and the size of its largest rendition.</summary>
public sealed record StoredImage(string StorageKey, int Width, int Height);

/// <summary>
/// Decodes a picture with SkiaSharp (so nothing of the original file, metadata included, survives), keeps a
/// re-encoded master of at most <see cref="PictureLimits.MasterLongestSide"/> pixels in the private masters
/// folder, crops it to 16:9 around a focal point and writes JPEG renditions at
/// <see cref="DomainImage.RenditionWidths"/> into the media folder under a generated name.
/// <para>
/// Files under a key never change: a new focal point is rendered from the master under a new key, because the
/// old URLs may be held by browsers and proxies. Deleting the old files is the caller's job, after its commit.
/// </para>
/// </summary>
public sealed class ImageRenditionWriter(StoragePaths paths, ILogger<ImageRenditionWriter> logger)
{
    private const int JpegQuality = 80;
    private const int MasterQuality = 92;

    public StoredImage Write(Stream source, double focalX, double focalY)
    {
        using var master = DecodeMaster(source);
        var key = NewKey();
        try
        {
            using (var encoded = master.Encode(SKEncodedImageFormat.Jpeg, MasterQuality))
            {
                WriteFile(MasterPath(key), encoded);
            }

            return WriteRenditions(master, key, focalX, focalY);
        }
        catch
        {
            Delete(key);
            throw;
        }
    }

    /// <summary>
    /// Renders the renditions of <paramref name="storageKey"/>'s master again around a new focal point, under a
    /// new key (with its own copy of the master). Null when the picture has no master: it was stored before
    /// masters were kept, and only uploading it again can move its focal point.
    /// </summary>
    public StoredImage? Rerender(string storageKey, double focalX, double focalY)
    {
        var masterPath = MasterPath(storageKey);
        if (!File.Exists(masterPath))
        {
            return null;
        }

        using var master = SKImage.FromEncodedData(masterPath) ?? throw new InvalidOperationException($"The master of picture {storageKey} could not be decoded.");
        var key = NewKey();
        try
        {
            File.Copy(masterPath, MasterPath(key));
            return WriteRenditions(master, key, focalX, focalY);
        }
        catch
        {
            Delete(key);
            throw;
        }
    }

    /// <summary>Deletes every rendition and the master stored under <paramref name="storageKey"/>; a file that cannot be deleted is logged, not thrown.</summary>
    public void Delete(string storageKey)
    {
        foreach (var (file, _) in StoredFiles(storageKey, "delete"))
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogError(ex, "The picture file {File} could not be deleted; delete it by hand", Path.GetFileName(file));
            }
        }
    }

    /// <summary>
    /// Takes a picture that a committed save stopped using out of service: its renditions leave the media folder at
    /// once (their URLs answer 404), but its files wait in the private taken-down folder for
    /// <see cref="StoragePaths.TakenDownFor"/>, so a backup whose snapshot still shows the picture can take them.
    /// Files taken down longer ago are deleted now.
    /// </summary>
    public void TakeDown(string storageKey)
    {
        foreach (var (file, folder) in StoredFiles(storageKey, "take down"))
        {
            try
            {
                var to = Path.Combine(Directory.CreateDirectory(Path.Combine(paths.TakenDownDirectory, folder)).FullName, Path.GetFileName(file));
                File.Move(file, to, overwrite: true);
                File.SetLastWriteTimeUtc(to, DateTime.UtcNow);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogError(ex, "The picture file {File} could not be taken down; delete it by hand", Path.GetFileName(file));
            }
        }

        PurgeTakenDown();
    }

    /// <summary>
    /// The files stored under <paramref name="storageKey"/> that exist, each with its folder name in the taken-down
    /// layout (<c>media</c>, <c>masters</c>). Keys are generated GUIDs: any other key is refused (logged) and has none,
    /// so it never reaches a file pattern.
    /// </summary>
    private List<(string File, string Folder)> StoredFiles(string storageKey, string verb)
    {
        if (storageKey.Length == 0 || !storageKey.All(char.IsAsciiLetterOrDigit))
        {
            logger.LogWarning("Refused to {Verb} the files of a picture with an unexpected storage key {StorageKey}", verb, storageKey);
            return [];
        }

        return Directory.EnumerateFiles(paths.MediaDirectory, $"{storageKey}-*.jpg").Select(f => (f, "media"))
            .Append((MasterPath(storageKey), "masters"))
            .Where(f => File.Exists(f.Item1))
            .ToList();
    }

    /// <summary>Deletes the taken-down files older than <see cref="StoragePaths.TakenDownFor"/>.</summary>
    public void PurgeTakenDown()
    {
        if (!Directory.Exists(paths.TakenDownDirectory))
        {
            return;
        }

        var before = DateTime.UtcNow - paths.TakenDownFor;
        foreach (var file in Directory.EnumerateFiles(paths.TakenDownDirectory, "*.jpg", SearchOption.AllDirectories))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) < before)
                {
                    File.Delete(file);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogError(ex, "The taken-down picture file {File} could not be deleted; delete it by hand", Path.GetFileName(file));
            }
        }
    }

    public bool HasMaster(string storageKey) => File.Exists(MasterPath(storageKey));

    private string MasterPath(string storageKey) => Path.Combine(paths.MastersDirectory, storageKey + ".jpg");

    private static string NewKey() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Decodes to at most <see cref="PictureLimits.MasterLongestSide"/> pixels on the longest side. A JPEG is
    /// decoded at the smallest scale its decoder offers that is still about that size, so a 60-megapixel camera
    /// picture never needs 240 MB of memory; formats that only decode at full size have a lower pixel limit.
    /// </summary>
    private static SKImage DecodeMaster(Stream source)
    {
        using var data = SKData.Create(source) ?? throw new ImageRejectedException("Image.Unreadable");
        using var codec = SKCodec.Create(data) ?? throw new ImageRejectedException("Image.NotAPicture");
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
        {
            throw new ImageRejectedException("Image.FormatNotAccepted");
        }

        var info = codec.Info;
        var pixels = (long)info.Width * info.Height;
        if (pixels > PictureLimits.MaxJpegPixels)
        {
            throw new ImageRejectedException("Image.TooManyPixels", [PictureLimits.MaxJpegPixels / 1_000_000]);
        }

        var longest = Math.Max(info.Width, info.Height);
        var size = longest > PictureLimits.MasterLongestSide
            ? codec.GetScaledDimensions(PictureLimits.MasterLongestSide / (float)longest)
            : new SKSizeI(info.Width, info.Height);
        if ((long)size.Width * size.Height > PictureLimits.MaxFullDecodePixels)
        {
            throw new ImageRejectedException(
                "Image.TooManyPixelsUnscaled", [PictureLimits.MaxFullDecodePixels / 1_000_000, PictureLimits.MaxJpegPixels / 1_000_000]);
        }

        var decodeInfo = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            // A truncated file decodes "successfully" with the missing part painted grey: refuse it instead.
            throw new ImageRejectedException(result is SKCodecResult.IncompleteInput or SKCodecResult.ErrorInInput
                ? "Image.Damaged"
                : "Image.Undecodable");
        }

        // Scaled to the master's size and flattened on white in one pass: JPEG has no transparency.
        var scale = Math.Min(1, PictureLimits.MasterLongestSide / (double)Math.Max(bitmap.Width, bitmap.Height));
        var width = Math.Max(1, (int)Math.Round(bitmap.Width * scale));
        var height = Math.Max(1, (int)Math.Round(bitmap.Height * scale));
        using var decoded = SKImage.FromBitmap(bitmap);
        return Draw(decoded, new SKRect(0, 0, bitmap.Width, bitmap.Height), width, height);
    }

    private StoredImage WriteRenditions(SKImage image, string key, double focalX, double focalY)
    {
        var crop = FocalCrop.SixteenByNine(image.Width, image.Height, focalX, focalY);
        var widths = DomainImage.RenditionWidthsFor(crop.Width);
        foreach (var width in widths)
        {
            var height = (int)Math.Round(width * 9 / 16.0);
            using var rendition = Draw(image, new SKRect(crop.Left, crop.Top, crop.Left + crop.Width, crop.Top + crop.Height), width, height);
            using var encoded = rendition.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
            WriteFile(Path.Combine(paths.MediaDirectory, DomainImage.RenditionFileName(key, width)), encoded);
        }

        return new StoredImage(key, widths[^1], (int)Math.Round(widths[^1] * 9 / 16.0));
    }

    /// <summary>The <paramref name="source"/> part of <paramref name="image"/> drawn at the given size on white (JPEG has no transparency).</summary>
    private static SKImage Draw(SKImage image, SKRect source, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Could not allocate a drawing surface.");
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawImage(image, source, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell), null);
        return surface.Snapshot();
    }

    private static void WriteFile(string path, SKData encoded)
    {
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        {
            encoded.SaveTo(file);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
