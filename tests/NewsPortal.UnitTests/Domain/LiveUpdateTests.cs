using NewsPortal.Web.Domain;

namespace NewsPortal.UnitTests.Domain;

public class LiveUpdateTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);

    private static Article Coverage()
    {
        var edition = new Edition("en", "English", "English", TextDirection.Ltr, ["GB"], SlugPolicy.Transliterate);
        var article = new Article(edition, new Section(edition, "World", "world", 0), "Storm reaches the coast", Now);
        article.StartCoverage(Now);
        return article;
    }

    private static LiveUpdate Posted(Article coverage)
    {
        var update = new LiveUpdate(coverage, "user-1", "Ana Petrova", Now);
        update.Write(null, "Ferries are cancelled.", new RenderedBody("<p>Ferries are cancelled.</p>", "Ferries are cancelled."), null, null);
        return update;
    }

    [Fact]
    public void UpdatesArePostedToOpenCoverageOnly()
    {
        var edition = new Edition("en", "English", "English", TextDirection.Ltr, ["GB"], SlugPolicy.Transliterate);
        var ordinary = new Article(edition, new Section(edition, "World", "world", 0), "An ordinary story", Now);
        Assert.Throws<InvalidOperationException>(() => new LiveUpdate(ordinary, "user-1", "Ana", Now));

        var ended = Coverage();
        ended.EndCoverage(Now.AddHours(1));
        Assert.Throws<InvalidOperationException>(() => new LiveUpdate(ended, "user-1", "Ana", Now));
    }

    [Fact]
    public void EndedCoverageCanBeReopenedAndKeepsItsStartTime()
    {
        var coverage = Coverage();
        coverage.EndCoverage(Now.AddHours(2));
        Assert.False(coverage.IsCoverageOpen);

        coverage.StartCoverage(Now.AddHours(3));

        Assert.True(coverage.IsCoverageOpen);
        Assert.Equal(Now, coverage.CoverageStartedAt);
        Assert.Null(coverage.CoverageEndedAt);
    }

    [Fact]
    public void AnUpdateHasTextOrAQuote()
    {
        var update = new LiveUpdate(Coverage(), "user-1", "Ana", Now);
        Assert.Throws<ArgumentException>(() => update.Write("Title only", " ", new RenderedBody("", ""), null, null));

        update.Write(null, "", new RenderedBody("", ""), "We will rebuild.", "The mayor");

        Assert.Equal("We will rebuild.", update.QuoteText);
        Assert.Equal("The mayor", update.QuoteAttribution);
    }

    [Fact]
    public void AnAttributionWithoutAQuoteIsDropped()
    {
        var update = new LiveUpdate(Coverage(), "user-1", "Ana", Now);
        update.Write(null, "Text.", new RenderedBody("<p>Text.</p>", "Text."), "  ", "Nobody");
        Assert.Null(update.QuoteText);
        Assert.Null(update.QuoteAttribution);
    }

    [Fact]
    public void ACorrectionAndARemovalEachSayWhy()
    {
        var update = Posted(Coverage());
        Assert.Throws<ArgumentException>(() => update.MarkCorrected(" ", Now));
        Assert.Throws<ArgumentException>(() => update.Remove("", "editor@example.org", Now));

        update.MarkCorrected("The ferry company was misnamed.", Now.AddMinutes(5));
        Assert.Equal(Now.AddMinutes(5), update.CorrectedAt);
    }

    [Fact]
    public void ARemovedUpdateIsUnpinnedAndNeitherChangedNorPinnedAgain()
    {
        var update = Posted(Coverage());
        update.Pin(true);
        var before = update.Version;

        update.Remove("It named a private person.", "editor@example.org", Now.AddMinutes(1));

        Assert.True(update.IsRemoved);
        Assert.False(update.IsPinned);
        Assert.True(update.Version > before);
        Assert.Throws<InvalidOperationException>(() => update.Pin(true));
        Assert.Throws<InvalidOperationException>(() => update.Write(null, "New text.", new RenderedBody("<p>New text.</p>", "New text."), null, null));
    }

    [Fact]
    public void SourcesAreCreditedOnceEachInTheOrderChosen()
    {
        var update = Posted(Coverage());
        var ap = new Source("ap", "AP", "Associated Press", SourceKind.WireAgency, null);
        var afp = new Source("afp", "AFP", "Agence France-Presse", SourceKind.WireAgency, null);

        update.CreditSources([afp, ap, afp]);

        Assert.Equal([0, 1], update.Sources.Select(s => s.Order));
        Assert.Same(afp, update.Sources[0].Source);
    }
}
