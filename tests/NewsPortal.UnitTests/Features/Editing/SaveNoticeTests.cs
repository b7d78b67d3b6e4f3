using NewsPortal.UnitTests.Localization;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.UnitTests.Features.Editing;

/// <summary>What a save tells the person, from the command and where the article ended up.</summary>
public class SaveNoticeTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private static Article Article(Action<Article>? then = null)
    {
        var edition = new Edition("en", "English", "English", TextDirection.Ltr, ["GB"], SlugPolicy.Transliterate);
        var article = new Article(edition, new Section(edition, "World", "world", 0), "Harbour reopens", Now);
        then?.Invoke(article);
        return article;
    }

    [Fact]
    public void PublishingSaysPublishedAndUpdatingALiveStorySaysSo()
    {
        var live = Article(a => a.Publish(Now));

        Assert.Equal("Notice.Published", SaveNotice.For(new SaveResult(SaveOutcome.Saved, live, []), ArticleCommand.Publish).Key);
        Assert.Equal("Notice.LiveUpdated", SaveNotice.For(new SaveResult(SaveOutcome.Saved, live, []) { WasLive = true }, ArticleCommand.UpdateLive).Key);
    }

    [Fact]
    public void ASaveOfALiveStoryWaitsForReview()
    {
        var live = Article(a => a.Publish(Now));
        live.KeepPending(ArticleContent.Of(live) with { Lead = "Boats are back." }, "writer", Now);

        Assert.Equal("Readers still see the live version until an editor updates the live article.",
            EditorText.English(SaveNotice.For(new SaveResult(SaveOutcome.Saved, live, []), ArticleCommand.Save)).Split(". ", 2)[1]);
    }

    [Fact]
    public void ARefusedCommandOnlySaysSaved() =>
        Assert.Equal("Notice.Saved", SaveNotice.For(new SaveResult(SaveOutcome.Saved, Article(), [new Notice("Check.NoSource")]), ArticleCommand.Publish).Key);

    [Theory]
    [InlineData(ArticleCommand.Submit, "Notice.Submitted")]
    [InlineData(ArticleCommand.Save, "Notice.Saved")]
    public void ADraftsCommandIsConfirmed(ArticleCommand command, string key)
    {
        var article = Article(a => { if (command == ArticleCommand.Submit) { a.SubmitForReview(); } });

        Assert.Equal(key, SaveNotice.For(new SaveResult(SaveOutcome.Saved, article, []), command).Key);
    }
}
