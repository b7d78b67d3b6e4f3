using NewsPortal.UnitTests.Localization;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.UnitTests.Features.Editing;

/// <summary>What must hold before an article goes out, and how each refusal reads to the person.</summary>
public class PrePublishChecksTests
{
    private static readonly ArticleContent Ready = new()
    {
        Headline = "Harbour reopens after the storm",
        Lead = "Boats returned to the harbour on Saturday.",
        Credits = [new CreditEntry(1, SourceRole.Reporting)],
    };

    [Fact]
    public void ACompleteArticlePasses() => Assert.Empty(PrePublishChecks.Problems(Ready, "<p>Text.</p>"));

    [Fact]
    public void EveryMissingPartIsNamed()
    {
        var problems = PrePublishChecks.Problems(Ready with { Lead = " ", Credits = [], LeadImageId = 4, AltText = null }, "<p>Text.</p>");

        Assert.Equal(["Check.LeadEmpty", "Check.AltTextMissing", "Check.NoSource"], problems.Select(p => p.Key));
    }

    [Fact]
    public void ADecorativePictureNeedsNoAltText() =>
        Assert.Empty(PrePublishChecks.Problems(Ready with { LeadImageId = 4, ImageIsDecorative = true }, "<p>Text.</p>"));

    [Fact]
    public void SkippedHeadingLevelsAndEmptyLinksAreRefusedInThePersonsLanguage()
    {
        var problems = PrePublishChecks.Problems(Ready, "<h2>Damage</h2><h4>Boats</h4><p><a href=\"https://example.org/map\"></a></p>");

        Assert.Equal(2, problems.Count);
        Assert.Equal("The heading “Boats” is level 4 after level 2: heading levels must not skip.", EditorText.English(problems[0]));
        Assert.Equal("Подзаголовок «Boats» уровня 4 идёт после уровня 2: уровни подзаголовков нельзя пропускать.", EditorText.In("ru", problems[0]));
        Assert.Contains("https://example.org/map", EditorText.In("fa", problems[1]), StringComparison.Ordinal);
    }
}
