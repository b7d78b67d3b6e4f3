using NewsPortal.Web.Domain;

namespace NewsPortal.UnitTests.Domain;

/// <summary>Which status an article may move to from which: the rules every command of the editor area goes through.</summary>
public class ArticleLifecycleTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private static Article Draft()
    {
        var edition = new Edition("en", "English", "English", TextDirection.Ltr, ["GB"], SlugPolicy.Transliterate);
        return new Article(edition, new Section(edition, "World", "world", 0), "Ferry service resumes on the lake", Now.AddHours(-1));
    }

    private static Article Published()
    {
        var article = Draft();
        article.Publish(Now);
        return article;
    }

    [Fact]
    public void ADraftGoesToReviewOnceAndNotFromReview()
    {
        var article = Draft();
        article.SubmitForReview();

        Assert.Equal(ArticleStatus.InReview, article.Status);
        Assert.Throws<InvalidOperationException>(article.SubmitForReview);
    }

    [Fact]
    public void APublishedArticleCannotBeSubmittedForReview() =>
        Assert.Throws<InvalidOperationException>(Published().SubmitForReview);

    [Fact]
    public void SchedulingNeedsATimeInTheFutureAndIsDueFromThatTime()
    {
        var article = Draft();
        Assert.Throws<InvalidOperationException>(() => article.Schedule(Now, Now));

        article.Schedule(Now.AddHours(2), Now);

        Assert.Equal(ArticleStatus.Scheduled, article.Status);
        Assert.False(article.IsDueAt(Now.AddHours(1)));
        Assert.True(article.IsDueAt(Now.AddHours(2)));
        Assert.False(article.IsPublishedAt(Now.AddHours(3)));
    }

    [Fact]
    public void OnlyAPublishedOrScheduledArticleCanBeUnpublished()
    {
        Assert.Throws<InvalidOperationException>(Draft().Unpublish);

        var scheduled = Draft();
        scheduled.Schedule(Now.AddDays(1), Now);
        scheduled.Unpublish();
        Assert.Equal(ArticleStatus.Unpublished, scheduled.Status);
        Assert.Null(scheduled.ScheduledAt);

        var live = Published();
        live.Unpublish();
        Assert.False(live.IsPublishedAt(Now.AddMinutes(1)));
    }

    [Fact]
    public void AnUnpublishedArticleCanGoBackToReview()
    {
        var article = Published();
        article.Unpublish();
        article.SubmitForReview();

        Assert.Equal(ArticleStatus.InReview, article.Status);
    }

    [Fact]
    public void OnlyALiveArticleKeepsPendingChanges()
    {
        var draft = Draft();
        Assert.Throws<InvalidOperationException>(() => draft.KeepPending(ArticleContent.Of(draft) with { Headline = "Ferry service resumes" }, "editor", Now));

        var live = Published();
        live.KeepPending(ArticleContent.Of(live) with { Headline = "Ferry service resumes after a week" }, "editor", Now);

        Assert.Equal("Ferry service resumes on the lake", live.Headline);
        Assert.Equal("Ferry service resumes after a week", live.WorkingContent.Headline);

        live.DiscardPending();
        Assert.Null(live.PendingContent);
        Assert.Equal("Ferry service resumes on the lake", live.WorkingContent.Headline);
    }

    [Fact]
    public void OnlyALiveArticleCarriesCorrections()
    {
        Assert.Throws<InvalidOperationException>(() => Draft().AddCorrection("The ferry runs twice a day, not three times.", Now));

        var live = Published();
        live.AddCorrection("The ferry runs twice a day, not three times.", Now.AddHours(1));

        Assert.Single(live.Corrections);
    }
}
