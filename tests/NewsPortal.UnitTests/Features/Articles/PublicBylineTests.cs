using NewsPortal.Web.Features.Articles;

namespace NewsPortal.UnitTests.Features.Articles;

public class PublicBylineTests
{
    [Theory]
    [InlineData("editor@example.org")]
    [InlineData("  EDITOR@EXAMPLE.ORG ")]
    [InlineData("Sam Reporter (sam@example.org)")]
    [InlineData("jo@localhost")]
    public void PublicByline_HidesAnythingShapedLikeAnEmailAddress(string author) =>
        Assert.Equal("", PublicByline.ForReaders(author));

    [Theory]
    [InlineData("Clara Hensley")]
    [InlineData("سارا احمدی")]
    [InlineData("Reporter @ the harbour")]
    [InlineData("@harbourdesk")]
    public void PublicByline_KeepsNames(string author) =>
        Assert.Equal(author, PublicByline.ForReaders(author));
}
