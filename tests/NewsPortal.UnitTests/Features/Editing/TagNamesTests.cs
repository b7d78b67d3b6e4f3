using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.UnitTests.Features.Editing;

public class TagNamesTests
{
    [Fact]
    public void NamesAreSplitAtCommasTrimmedAndKeptOnceInTheOrderTyped()
    {
        var (names, problem) = TagNames.Parse(" Floods,  Selvan   river ,, floods!, Marisk ");

        Assert.Null(problem);
        Assert.Equal(["Floods", "Selvan river", "Marisk"], names);
    }

    [Fact]
    public void TheArabicScriptCommaSeparatesNamesToo()
    {
        var (names, _) = TagNames.Parse("سیل، رود سلوان,ماریسک");

        Assert.Equal(["سیل", "رود سلوان", "ماریسک"], names);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ,  , ")]
    public void NothingTypedIsNoTags(string? field)
    {
        var (names, problem) = TagNames.Parse(field);

        Assert.Empty(names);
        Assert.Null(problem);
    }

    [Fact]
    public void MoreThanTenTagsAreRefused()
    {
        var (names, problem) = TagNames.Parse(string.Join(", ", Enumerable.Range(1, TagNames.MaxTags + 1).Select(i => $"topic {i}")));

        Assert.Empty(names);
        Assert.Equal("Problem.TagsTooMany", problem?.Key);
    }

    [Fact]
    public void TenTagsTypedTwiceAreTenTags()
    {
        var ten = string.Join(", ", Enumerable.Range(1, TagNames.MaxTags).Select(i => $"topic {i}"));

        Assert.Equal(TagNames.MaxTags, TagNames.Parse(ten + ", " + ten.ToUpperInvariant()).Names.Count);
    }

    [Fact]
    public void ANameLongerThanATagMayBeIsRefused()
    {
        var (_, problem) = TagNames.Parse("short, " + new string('x', Tag.NameMaxLength + 1));

        Assert.Equal("Problem.TagTooLong", problem?.Key);
    }

    [Fact]
    public void ANameWithoutALetterOrDigitIsRefused()
    {
        var (_, problem) = TagNames.Parse("weather, ?!");

        Assert.Equal("Problem.TagNeedsLetters", problem?.Key);
        Assert.Equal("?!", problem?.Arguments[0]);
    }

    [Theory]
    [InlineData("Selvan River", "selvan-river!")]
    [InlineData("COVID-19", "covid 19")]
    [InlineData("Наводнения", "наводнения")]
    public void NamesDifferingInCaseSpacingOrPunctuationAreOneTag(string a, string b) =>
        Assert.Equal(TagNames.Key(a), TagNames.Key(b));

    [Fact]
    public void DifferentLettersAreDifferentTags() => Assert.NotEqual(TagNames.Key("Ёлка"), TagNames.Key("Елка"));
}
