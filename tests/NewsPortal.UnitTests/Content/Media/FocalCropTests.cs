using NewsPortal.Web.Content.Media;

namespace NewsPortal.UnitTests.Content.Media;

public class FocalCropTests
{
    [Fact]
    public void A16By9ImageIsKeptWhole() =>
        Assert.Equal(new FocalCrop(0, 0, 1600, 900), FocalCrop.SixteenByNine(1600, 900, 0.3, 0.7));

    [Fact]
    public void APortraitImageIsCutAroundTheFocalPoint()
    {
        var crop = FocalCrop.SixteenByNine(900, 1600, 0.5, 0.25);
        Assert.Equal(900, crop.Width);
        Assert.Equal(506, crop.Height);
        Assert.Equal(400 - 253, crop.Top);
    }

    [Fact]
    public void TheCropNeverLeavesTheImage()
    {
        var crop = FocalCrop.SixteenByNine(4000, 1000, 1.0, 0.5);
        Assert.Equal(1778, crop.Width);
        Assert.Equal(4000 - 1778, crop.Left);
        Assert.Equal(0, crop.Top);
    }
}
