using NewsPortal.Web.Domain;

namespace NewsPortal.UnitTests.Domain;

public class PersonTests
{
    [Fact]
    public void IsNamedInAnEditionByItsProfileElseByTheLatinName()
    {
        var person = new Person("Anna Belova", "anna-belova", isPenName: false, DateTime.UtcNow);
        person.SetProfile(2, "Анна Белова", "Пишет о культуре.");

        Assert.Equal("Анна Белова", person.NameIn(2));
        Assert.Equal("Anna Belova", person.NameIn(1));
    }

    [Fact]
    public void AProfileWithNeitherNameNorBioIsRemoved()
    {
        var person = new Person("Anna Belova", "anna-belova", isPenName: false, DateTime.UtcNow);
        person.SetProfile(2, "Анна Белова", "");
        person.SetProfile(2, " ", null);

        Assert.Empty(person.Profiles);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Anna Belova")]
    [InlineData("anna--belova")]
    [InlineData("-anna")]
    public void RefusesAnAddressThatIsNotASlug(string slug) =>
        Assert.Throws<ArgumentException>(() => new Person("Anna Belova", slug, isPenName: false, DateTime.UtcNow));

    [Fact]
    public void ArticleCreditsEachPersonOncePerRoleInTheOrderGiven()
    {
        var edition = new Edition("en", "English", "English", TextDirection.Ltr, ["GB"], SlugPolicy.Transliterate);
        var article = new Article(edition, new Section(edition, "World", "world", 0), "A headline", DateTime.UtcNow);

        article.SetContributors([new(2, ContributorRole.Writing), new(1, ContributorRole.Translation), new(2, ContributorRole.Writing), new(2, ContributorRole.Photo)]);

        Assert.Equal([(2, ContributorRole.Writing, 0), (1, ContributorRole.Translation, 1), (2, ContributorRole.Photo, 2)],
            article.Contributors.Select(c => (c.PersonId, c.Role, c.Order)));
    }
}
