using NewsPortal.Web.Domain;

namespace NewsPortal.UnitTests.Domain;

public class ArticleContentTests
{
    private static readonly ArticleContent Start = new()
    {
        SectionId = 1,
        Headline = "Harbour reopens",
        Lead = "Ships return.",
        BodyMarkdown = "First line.\nSecond line.",
        Contributors = [new ContributorEntry(1, ContributorRole.Writing)],
        Slug = "harbour-reopens",
        Credits = [new CreditEntry(1, SourceRole.Reporting), new CreditEntry(2, SourceRole.Photo)],
    };

    [Fact]
    public void DifferencesNameEveryChangedFieldInFormOrder()
    {
        var changed = Start with
        {
            Headline = "Harbour reopens at dawn",
            Credits = [new CreditEntry(2, SourceRole.Photo), new CreditEntry(1, SourceRole.Reporting)],
            BreakingUntil = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc),
        };

        Assert.Equal([ArticleField.Headline, ArticleField.Credits, ArticleField.BreakingUntil], ArticleContent.Differences(Start, changed));
    }

    [Fact]
    public void TagsAreAFieldOfTheirOwnComparedInOrder()
    {
        var tagged = Start with { Tags = ["Floods", "Harbours"] };

        Assert.Equal([ArticleField.Tags], ArticleContent.Differences(Start, tagged));
        Assert.Equal([ArticleField.Tags], ArticleContent.Differences(tagged, tagged with { Tags = ["Harbours", "Floods"] }));
        Assert.Equal(["Floods", "Harbours"], Start.With(ArticleField.Tags, tagged).Tags);
    }

    [Fact]
    public void ABodyPostedWithWindowsLineEndsIsTheSameBody()
    {
        var posted = Start with { BodyMarkdown = "First line.\r\nSecond line.\r\n" };

        Assert.Empty(ArticleContent.Differences(Start, posted));
    }

    [Fact]
    public void WithTakesExactlyOneFieldFromTheOtherVersion()
    {
        var theirs = Start with { Headline = "Their headline", Lead = "Their lead.", AltText = "Cranes", ImageIsDecorative = false };
        var mine = Start with { Headline = "My headline", Lead = "My lead.", ImageIsDecorative = true };

        var merged = mine.With(ArticleField.Headline, theirs).With(ArticleField.AltText, theirs);

        Assert.Equal("Their headline", merged.Headline);
        Assert.Equal("My lead.", merged.Lead);
        Assert.Equal("Cranes", merged.AltText);
        Assert.False(merged.ImageIsDecorative);
    }
}
