using NewsPortal.Web.Domain;

namespace NewsPortal.UnitTests.Domain;

public class ArticleTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    private static Article NewArticle()
    {
        var edition = new Edition("en", "English", "English", TextDirection.Ltr, ["GB"], SlugPolicy.Transliterate);
        var section = new Section(edition, "World", "world", 0);
        return new Article(edition, section, "Rivers rise in the delta", Now.AddHours(-2));
    }

    [Fact]
    public void ReplacingTagsKeepsTheOnesStillChosenInTheNewOrder()
    {
        var article = NewArticle();
        var floods = new Tag(article.EditionId, "Floods", SlugPolicy.Transliterate);
        var delta = new Tag(article.EditionId, "Delta", SlugPolicy.Transliterate);
        var rain = new Tag(article.EditionId, "Rain", SlugPolicy.Transliterate);
        article.ReplaceTags([floods, delta]);
        var kept = article.Tags.Single(t => t.Tag == delta);

        article.ReplaceTags([delta, rain]);

        Assert.Equal(["Delta", "Rain"], article.Tags.OrderBy(t => t.Order).Select(t => t.Tag.Name));
        Assert.Same(kept, article.Tags.Single(t => t.Tag == delta));
        Assert.Equal(0, kept.Order);
    }

    [Fact]
    public void ATagOfAnotherEditionCannotBeAdded()
    {
        var article = NewArticle();
        Assert.Throws<ArgumentException>(() => article.ReplaceTags([new Tag(article.EditionId + 1, "Floods", SlugPolicy.Transliterate)]));
    }

    [Fact]
    public void ADraftIsNotVisibleToReaders() => Assert.False(NewArticle().IsPublishedAt(Now));

    [Fact]
    public void PublishingMakesItVisibleFromItsPublicationTime()
    {
        var article = NewArticle();
        article.Publish(Now);
        Assert.True(article.IsPublishedAt(Now));
        Assert.False(article.IsPublishedAt(Now.AddMinutes(-1)));
    }

    [Fact]
    public void ThePictureNeedsAltTextOrADecorativeMarkBeforePublishing()
    {
        var article = NewArticle();
        article.SetLeadImage(new Image("key", 1600, 900, Now));
        Assert.Throws<InvalidOperationException>(() => article.Publish(Now));

        article.LeadImage!.Describe(null, decorative: true);
        article.Publish(Now);
        Assert.Equal(ArticleStatus.Published, article.Status);
    }

    [Fact]
    public void BreakingExpiresByItself()
    {
        var article = NewArticle();
        article.Publish(Now);
        article.MarkBreakingUntil(Now.AddHours(1));
        Assert.True(article.IsBreakingAt(Now));
        Assert.False(article.IsBreakingAt(Now.AddHours(1)));
    }

    [Fact]
    public void EveryChangeBumpsTheConcurrencyVersion()
    {
        var article = NewArticle();
        var before = article.Version;
        article.SetHeadline("Rivers peak in the delta", SlugPolicy.Transliterate);
        Assert.True(article.Version > before);
        Assert.Equal("rivers-peak-in-the-delta", article.Slug);
    }

    [Fact]
    public void ASectionOfAnotherEditionIsRefused()
    {
        var en = new Edition("en", "English", "English", TextDirection.Ltr, ["GB"], SlugPolicy.Transliterate);
        var ru = new Edition("ru", "Русский", "Russian", TextDirection.Ltr, ["RU"], SlugPolicy.Transliterate);
        var section = new Section(ru, "Мир", "mir", 0);
        Assert.Throws<ArgumentException>(() => new Article(en, section, "Headline", Now));
    }
}
