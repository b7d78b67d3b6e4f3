using NewsPortal.Web.Domain;

namespace NewsPortal.UnitTests.Domain;

public class SlugsTests
{
    [Theory]
    [InlineData("Floods force 12,000 from homes in the Selvan delta", "floods-force-12-000-from-homes-in-the-selvan-delta")]
    [InlineData("  What’s next?  ", "whats-next")]
    [InlineData("Café, naïve façade", "cafe-naive-facade")]
    public void TransliteratePolicyGivesLowerCaseAsciiWords(string headline, string expected) =>
        Assert.Equal(expected, Slugs.From(headline, SlugPolicy.Transliterate));

    [Theory]
    [InlineData("Бездомный кот", "bezdomnyy-kot")]
    public void TransliteratePolicyRomanizesCyrillic(string headline, string expected) =>
        Assert.Equal(expected, Slugs.From(headline, SlugPolicy.Transliterate));

    [Fact]
    public void NativePolicyKeepsPersianLetters()
    {
        var slug = Slugs.From("قطار شبانه دوباره راه افتاد", SlugPolicy.Native);
        Assert.Equal("قطار-شبانه-دوباره-راه-افتاد", slug);
        Assert.True(Slugs.IsValid(slug));
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("")]
    public void HeadlineWithoutLettersGivesAFallback(string headline) =>
        Assert.Equal("article", Slugs.From(headline, SlugPolicy.Transliterate));

    [Fact]
    public void LongHeadlinesAreCutAtAWordBoundary()
    {
        var slug = Slugs.From(string.Join(' ', Enumerable.Repeat("newsroom", 30)), SlugPolicy.Transliterate);
        Assert.True(slug.Length <= Slugs.MaxLength);
        Assert.EndsWith("newsroom", slug, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("world", true)]
    [InlineData("-world", false)]
    [InlineData("World", false)]
    [InlineData("a--b", false)]
    [InlineData("a b", false)]
    [InlineData("../etc", false)]
    public void IsValidAcceptsOnlyWhatFromCouldProduce(string slug, bool valid) =>
        Assert.Equal(valid, Slugs.IsValid(slug));
}
