using NewsPortal.Web.Features.Search;

namespace NewsPortal.UnitTests.Features.Search;

public class SearchQueryTests
{
    [Theory]
    [InlineData("flood", "\"flood\"")]
    [InlineData("grain talks", "\"grain\" \"talks\"")]
    [InlineData("\"night train\"", "\"night train\"")]
    [InlineData("comet*", "\"comet\"*")]
    [InlineData("наводнение дельта", "\"наводнение\" \"дельта\"")]
    [InlineData("قطار", "\"قطار\"")]
    public void QuotesEveryTerm(string input, string expected) => Assert.Equal(expected, SearchQuery.ToFts5(input));

    [Theory]
    [InlineData("NEAR(flood delta)", "\"NEAR flood\" \"delta\"")]
    [InlineData("flood -delta", "\"flood\" \"delta\"")]
    [InlineData("\"unbalanced phrase", "\"unbalanced phrase\"")]
    [InlineData("((( flood", "\"flood\"")]
    [InlineData("Headline:flood", "\"Headline flood\"")]
    [InlineData("flood OR delta", "\"flood\" \"OR\" \"delta\"")]
    [InlineData("a\"b\"c", "\"a\" \"b\" \"c\"")]
    public void Fts5SyntaxIsSearchedForNeverExecuted(string input, string expected) => Assert.Equal(expected, SearchQuery.ToFts5(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("- ( ) ^ :")]
    public void NothingSearchableGivesNull(string? input) => Assert.Null(SearchQuery.ToFts5(input));
}

public class SearchQueryForPostgresTests
{
    [Theory]
    [InlineData("flood", "('flood')", "")]
    [InlineData("grain talks", "('grain') & ('talks')", "")]
    [InlineData("\"night train\"", "('night' <-> 'train')", "")]
    [InlineData("comet*", "", "('comet':*)")]
    [InlineData("flood evacuat*", "('flood')", "('evacuat':*)")]
    [InlineData("наводнение", "('наводнение')", "")]
    public void WholeWordsAreStemmedAndPrefixesAreNot(string input, string stemmed, string prefixes) =>
        Assert.Equal((stemmed, prefixes), SearchQuery.ToTsQuery(input));

    [Theory]
    [InlineData("flood & !delta | 'x'", "('flood') & ('delta') & ('x')")]
    [InlineData("a:* <-> b", "('b')")]
    [InlineData("it's", "('it' <-> 's')")]
    public void TsQuerySyntaxIsSearchedForNeverExecuted(string input, string stemmed) =>
        Assert.Equal(stemmed, SearchQuery.ToTsQuery(input)!.Value.Stemmed);

    [Theory]
    [InlineData(null)]
    [InlineData("&|!()")]
    public void NothingSearchableGivesNull(string? input) => Assert.Null(SearchQuery.ToTsQuery(input));
}
