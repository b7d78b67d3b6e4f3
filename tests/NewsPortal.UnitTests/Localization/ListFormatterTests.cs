using System.Globalization;
using NewsPortal.Web.Localization;

namespace NewsPortal.UnitTests.Localization;

public class ListFormatterTests
{
    [Theory]
    [InlineData("en", "TASS", "AP, AFP, and TASS")]
    [InlineData("ru", "ТАСС", "AP, AFP и ТАСС")]
    [InlineData("uk", "ТАСС", "AP, AFP і ТАСС")]
    [InlineData("fa", "تاس", "AP،\u200F AFP، و تاس")]
    public void JoinsThreeItemsAsTheLanguageDoes(string culture, string third, string expected) =>
        Assert.Equal(System.Text.RegularExpressions.Regex.Unescape(expected), ListFormatter.Join(["AP", "AFP", third], CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData("en", "AP and Reuters")]
    [InlineData("ru", "AP и Reuters")]
    [InlineData("fa", "AP و Reuters")]
    public void JoinsTwoItemsWithoutAComma(string culture, string expected) =>
        Assert.Equal(expected, ListFormatter.Join(["AP", "Reuters"], CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void JoinsFourItemsWithTheEndPatternOnlyBeforeTheLast() =>
        Assert.Equal("A, B, C, and D", ListFormatter.Join(["A", "B", "C", "D"], CultureInfo.GetCultureInfo("en")));

    [Fact]
    public void ReturnsASingleItemUnchangedAndNothingForNoItems()
    {
        Assert.Equal("AP", ListFormatter.Join(["AP"], CultureInfo.GetCultureInfo("ru")));
        Assert.Equal("", ListFormatter.Join([], CultureInfo.GetCultureInfo("ru")));
    }

    [Fact]
    public void UsesTheParentLanguageForARegionalCulture() =>
        Assert.Equal("AP, AFP и ТАСС", ListFormatter.Join(["AP", "AFP", "ТАСС"], CultureInfo.GetCultureInfo("ru-KZ")));
}
