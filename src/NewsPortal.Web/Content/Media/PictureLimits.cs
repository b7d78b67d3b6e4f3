namespace NewsPortal.Web.Content.Media;

/// <summary>How large a picture the site decodes, and how large a master it keeps.</summary>
public static class PictureLimits
{
    /// <summary>A JPEG may have up to this many pixels: it is decoded at a reduced scale, so memory stays bounded.</summary>
    public const long MaxJpegPixels = 100_000_000;

    /// <summary>PNG and WebP are decoded at full size, so they are held to a lower limit than JPEG.</summary>
    public const long MaxFullDecodePixels = 40_000_000;

    /// <summary>The master copy kept of every picture is at most this many pixels on its longest side.</summary>
    public const int MasterLongestSide = 4000;
}
