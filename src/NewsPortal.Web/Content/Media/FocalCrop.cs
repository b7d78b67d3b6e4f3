namespace NewsPortal.Web.Content.Media;

/// <summary>The largest 16:9 rectangle inside an image that keeps the focal point as central as the edges allow.</summary>
public readonly record struct FocalCrop(int Left, int Top, int Width, int Height)
{
    public static FocalCrop SixteenByNine(int imageWidth, int imageHeight, double focalX, double focalY)
    {
        if (imageWidth <= 0 || imageHeight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(imageWidth), "An image has a positive size.");
        }

        int width, height;
        if ((long)imageWidth * 9 >= (long)imageHeight * 16)
        {
            height = imageHeight;
            width = (int)Math.Min(imageWidth, Math.Round(imageHeight * 16 / 9.0));
        }
        else
        {
            width = imageWidth;
            height = (int)Math.Min(imageHeight, Math.Round(imageWidth * 9 / 16.0));
        }

        var left = Clamp((int)Math.Round((focalX * imageWidth) - (width / 2.0)), imageWidth - width);
        var top = Clamp((int)Math.Round((focalY * imageHeight) - (height / 2.0)), imageHeight - height);
        return new FocalCrop(left, top, width, height);
    }

    private static int Clamp(int value, int max) => Math.Max(0, Math.Min(value, max));
}
