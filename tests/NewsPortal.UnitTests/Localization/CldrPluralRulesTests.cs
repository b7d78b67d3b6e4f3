using System.Globalization;
using NewsPortal.Web.Localization;

namespace NewsPortal.UnitTests.Localization;

public class CldrPluralRulesTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    [InlineData("uk")]
    [InlineData("fa")]
    [InlineData("ar")]
    public void EveryIntegerSampleOfTheShippedRulesFallsIntoItsCategory(string language)
    {
        var rules = CldrPluralRules.Parse(LanguageData.Find(LanguageData.PluralRulesKey, CultureInfo.GetCultureInfo(language))!);
        var checkedSamples = 0;
        foreach (var category in rules.Categories)
        {
            foreach (var sample in rules.IntegerSamples(category))
            {
                Assert.True(category == rules.Category(sample), $"{language}: {sample} should be '{category}', is '{rules.Category(sample)}'");
                checkedSamples++;
            }
        }

        Assert.True(checkedSamples > 0);
    }

    [Fact]
    public void ArabicHasSixCategories() =>
        Assert.Equal(["zero", "one", "two", "few", "many", "other"], PluralRulesFor("ar").Categories);

    [Theory]
    [InlineData("1", "one")]
    [InlineData("1.0", "other")]
    [InlineData("2", "other")]
    [InlineData("0.5", "other")]
    public void VisibleFractionDigitsCount(string n, string category) =>
        Assert.Equal(category, CldrPluralRules.Parse("one: i = 1 and v = 0; other:").Category(decimal.Parse(n, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(7, "a")]
    [InlineData(12, "b")]
    [InlineData(105, "a")]
    [InlineData(40, "other")]
    [InlineData(1, "c")]
    public void ModuloListsRangesAndOrAnd(long n, string category)
    {
        var rules = CldrPluralRules.Parse("c: n = 1 or n = 9 and i = 99; a: n mod 100 = 3..10, 105; b: i % 10 != 0..1,3..9 and v = 0; other:");
        Assert.Equal(category, rules.Category(n));
    }

    [Fact]
    public void OperandsOfADecimalFollowCldr()
    {
        var rules = CldrPluralRules.Parse("x: f = 50 and t = 5 and w = 1 and v = 2; y: n = 1.5; other:");
        Assert.Equal("x", rules.Category(1.50m));
        Assert.Equal("other", rules.Category(1.5m));
    }

    [Theory]
    [InlineData("one: i = 1")]
    [InlineData("one: q = 1; other:")]
    [InlineData("one i = 1; other:")]
    [InlineData("one: i = ; other:")]
    [InlineData("one: i > 1; other:")]
    public void MalformedRulesAreRefused(string text) =>
        Assert.Throws<FormatException>(() => CldrPluralRules.Parse(text));

    private static CldrPluralRules PluralRulesFor(string language) => LanguageData.PluralRulesFor(CultureInfo.GetCultureInfo(language));
}
