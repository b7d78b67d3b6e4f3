using System.Security.Claims;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.UnitTests.Features.Editing;

/// <summary>What each newsroom role may do with an article, decided without a host.</summary>
public class EditorRightsTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private static EditorIdentity Person(string id, params string[] roles) => EditorIdentity.From(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, id + "@newsroom.example"), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
        "test")));

    private static Article ArticleBy(string authorId, Action<Article>? then = null)
    {
        var edition = new Edition("en", "English", "English", TextDirection.Ltr, ["GB"], SlugPolicy.Transliterate);
        var article = new Article(edition, new Section(edition, "World", "world", 0), "Harbour reopens", Now) { CreatedById = authorId };
        then?.Invoke(article);
        return article;
    }

    [Fact]
    public void AWriterEditsTheirOwnWorkUntilItIsOut()
    {
        var writer = Person("w1", NewsroomRoles.Writer);

        Assert.True(writer.MayEdit(ArticleBy("w1")));
        Assert.True(writer.MayEdit(ArticleBy("w1", a => a.SubmitForReview())));
        Assert.False(writer.MayEdit(ArticleBy("w1", a => a.Publish(Now))));
        Assert.False(writer.MayEdit(ArticleBy("w1", a => a.Schedule(Now.AddDays(1), Now))));
        Assert.False(writer.CanPublish);
    }

    [Fact]
    public void AWriterCannotEditSomeoneElsesDraft() =>
        Assert.False(Person("w1", NewsroomRoles.Writer).MayEdit(ArticleBy("w2")));

    [Theory]
    [InlineData(NewsroomRoles.Editor)]
    [InlineData(NewsroomRoles.Admin)]
    public void EditorsAndAdminsEditAndPublishAnything(string role)
    {
        var person = Person("e1", role);

        Assert.True(person.CanPublish);
        Assert.True(person.MayEdit(ArticleBy("w2")));
        Assert.True(person.MayEdit(ArticleBy("w2", a => a.Publish(Now))));
        Assert.Equal(role == NewsroomRoles.Admin, person.IsAdmin);
    }

    [Fact]
    public void NobodySignedInHasNoIdentity() =>
        Assert.Throws<InvalidOperationException>(() => EditorIdentity.From(new ClaimsPrincipal(new ClaimsIdentity())));
}
