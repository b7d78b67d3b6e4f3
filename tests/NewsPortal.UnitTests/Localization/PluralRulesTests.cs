using System.Globalization;
using NewsPortal.Web.Localization;

namespace NewsPortal.UnitTests.Localization;

public class PluralRulesTests
{
    [Theory]
    [InlineData(1, "one")]
    [InlineData(21, "one")]
    [InlineData(11, "many")]
    [InlineData(2, "few")]
    [InlineData(4, "few")]
    [InlineData(22, "few")]
    [InlineData(12, "many")]
    [InlineData(5, "many")]
    [InlineData(0, "many")]
    public void RussianNumbersFallIntoCldrCategories(int n, string category) =>
        Assert.Equal(category, PluralRules.Category(n, CultureInfo.GetCultureInfo("ru")));

    [Theory]
    [InlineData(1, "one")]
    [InlineData(0, "other")]
    [InlineData(2, "other")]
    public void EnglishHasOneAndOther(int n, string category) =>
        Assert.Equal(category, PluralRules.Category(n, CultureInfo.GetCultureInfo("en")));
}
