namespace NewsPortal.Web.Domain;

/// <summary>A stored picture with the text that makes it accessible and honest: alt text, caption, credit.</summary>
public class Image
{
    /// <summary>Widths of the 16:9 renditions kept for every image, smallest first.</summary>
    public static readonly IReadOnlyList<int> RenditionWidths = [480, 960, 1600];

    private Image()
    {
    }

    public Image(string storageKey, int width, int height, DateTime createdAt)
    {
        StorageKey = storageKey;
        Width = width;
        Height = height;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    /// <summary>Generated name of the stored files; renditions are <c>{key}-{width}.jpg</c>.</summary>
    public string StorageKey { get; private set; } = "";

    public int Width { get; private set; }

    public int Height { get; private set; }

    public string? AltText { get; private set; }

    public bool IsDecorative { get; private set; }

    public string? Caption { get; set; }

    public string? Credit { get; set; }

    /// <summary>Horizontal focal point, 0 (left) to 1 (right).</summary>
    public double FocalX { get; private set; } = 0.5;

    /// <summary>Vertical focal point, 0 (top) to 1 (bottom).</summary>
    public double FocalY { get; private set; } = 0.5;

    public DateTime CreatedAt { get; private set; }

    /// <summary>Publishing needs alt text, or the image explicitly marked decorative.</summary>
    public bool HasTextAlternative => IsDecorative || !string.IsNullOrWhiteSpace(AltText);

    public void Describe(string? altText, bool decorative)
    {
        IsDecorative = decorative;
        AltText = decorative ? null : altText?.Trim();
    }

    public void SetFocalPoint(double x, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y) || x is < 0 or > 1 || y is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(x), "A focal point lies between 0 and 1 on both axes.");
        }

        FocalX = x;
        FocalY = y;
    }

    /// <summary>
    /// The renditions were cut again (a new focal point) and stored under a new key: files under a key never
    /// change, because their URLs may be cached anywhere. The old key's files are deleted after the commit.
    /// </summary>
    public void MoveToRenditions(string storageKey, int width, int height)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storageKey);
        StorageKey = storageKey;
        Width = width;
        Height = height;
    }

    /// <summary>The rendition widths stored for an image of this width (never wider than the image itself).</summary>
    public IReadOnlyList<int> AvailableWidths => RenditionWidthsFor(Width);

    public static IReadOnlyList<int> RenditionWidthsFor(int croppedWidth)
    {
        var widths = RenditionWidths.Where(w => w <= croppedWidth).ToList();
        return widths.Count > 0 ? widths : [croppedWidth];
    }

    public static string RenditionFileName(string storageKey, int width) => $"{storageKey}-{width}.jpg";
}
