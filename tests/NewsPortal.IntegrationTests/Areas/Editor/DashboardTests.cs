using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>The dashboard's lists page past 25 rows, and its search finds articles of every status by headline, lead or text.</summary>
[Collection(EditorAreaCollection.Name)]
public class DashboardTests(EditorAreaFactory factory)
{
    /// <summary>Adds articles straight to the database, created by <paramref name="email"/>'s account.</summary>
    private Task<int> AddAsync(string email, int count, Func<int, string> headline, string lead = "A lead.", string body = "A paragraph.", bool publish = false, bool inReview = false) =>
        factory.QueryAsync(async db =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var userId = (await scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>().FindByEmailAsync(email))!.Id;
            var edition = await db.Editions.SingleAsync(e => e.Code == "ru");
            var section = await db.Sections.Where(s => s.EditionId == edition.Id).OrderBy(s => s.Order).FirstAsync();
            var now = DateTime.UtcNow;
            for (var i = 0; i < count; i++)
            {
                var article = new Article(edition, section, headline(i), now.AddMinutes(-i)) { Lead = lead, CreatedById = userId };
                article.SetBody(body, new NewsPortal.Web.Domain.RenderedBody($"<p>{body}</p>", body));
                if (publish)
                {
                    article.Publish(now.AddMinutes(-i));
                }
                else if (inReview)
                {
                    article.SubmitForReview();
                }

                db.Articles.Add(article);
            }

            return await db.SaveChangesAsync();
        });

    private static IElement List(IParentNode page, string heading) =>
        page.QuerySelectorAll("section.dashboard-list").Single(s => s.QuerySelector("h2")!.TextContent.StartsWith(heading, StringComparison.Ordinal));

    [Fact]
    public async Task EachListPagesWithPreviousAndNextLinksThatKeepTheSearchAndTheOtherLists()
    {
        var writer = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);
        var token = $"pagetoken{Guid.NewGuid():N}"[..20];
        await AddAsync(writer.Email, 27, i => $"Draft {i:00} {token}");
        await AddAsync(writer.Email, 3, i => $"Review {i} {token}", inReview: true);

        var first = await writer.GetDocumentAsync($"/editor?q={token}");
        var drafts = List(first, "My drafts");
        Assert.Equal("My drafts (27)", drafts.QuerySelector("h2").Text());
        Assert.Equal(25, drafts.QuerySelectorAll("tbody tr").Length);
        var pager = drafts.QuerySelector("nav[aria-label='My drafts: pages']")!;
        Assert.Null(pager.QuerySelector("a[rel=prev]"));
        Assert.Equal("Page 1 of 2", pager.QuerySelector("[aria-current=page]").Text());
        var next = pager.QuerySelector("a[rel=next]")!;
        Assert.Equal("Next page (2) of My drafts", next.Text());
        Assert.Null(List(first, "In review").QuerySelector("nav"));

        var href = next.GetAttribute("href")!;
        Assert.Contains($"q={token}", href, StringComparison.Ordinal);
        var second = await writer.GetDocumentAsync(href);
        var secondDrafts = List(second, "My drafts");
        Assert.Equal(["Draft 25 " + token, "Draft 26 " + token], secondDrafts.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.Text()));
        Assert.Equal("Previous page (1) of My drafts", secondDrafts.QuerySelector("nav a[rel=prev]").Text());
        Assert.Null(secondDrafts.QuerySelector("nav a[rel=next]"));
        // The other lists stay where they were.
        Assert.Equal(3, List(second, "In review").QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task SearchFindsArticlesOfEveryStatusByHeadlineLeadOrText()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var word = $"zq{Guid.NewGuid():N}"[..12];
        await AddAsync(editor.Email, 1, _ => "Draft found by its lead", lead: $"The lead mentions {word} once.");
        await AddAsync(editor.Email, 1, _ => "Story in review found by its text", body: $"The body mentions {word.ToUpperInvariant()} once.", inReview: true);
        await AddAsync(editor.Email, 1, _ => "Published story found by its text", body: $"Somewhere in the text: {word}.", publish: true);
        await AddAsync(editor.Email, 1, _ => "Draft that does not mention it");

        var page = await editor.GetDocumentAsync($"/editor?q={word}");

        Assert.Equal(["Draft found by its lead"], List(page, "My drafts").QuerySelectorAll("tbody a").Select(a => a.Text()));
        Assert.Equal(["Story in review found by its text"], List(page, "In review").QuerySelectorAll("tbody a").Select(a => a.Text()));
        Assert.Equal(["Published story found by its text"], List(page, "Recently published").QuerySelectorAll("tbody a").Select(a => a.Text()));
    }

    [Fact]
    public async Task TagAndPersonFiltersCombineWithTheEditionAndTheSearchWithoutScript()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var word = $"zq{Guid.NewGuid():N}"[..12];
        await AddAsync(editor.Email, 1, _ => $"Tagged and credited {word}", publish: true);
        await AddAsync(editor.Email, 1, _ => $"Tagged only {word}", publish: true);
        await AddAsync(editor.Email, 1, _ => $"Credited only {word}", publish: true);
        var (tagId, personId) = await factory.QueryAsync(async db =>
        {
            var articles = await db.Articles.Include(a => a.Tags).Include(a => a.Contributors).Where(a => a.Headline.EndsWith(word)).ToListAsync();
            var tag = new Tag(articles[0].EditionId, $"Filter topic {word}", SlugPolicy.Transliterate);
            var person = new Person($"Filter Person {word}", $"filter-person-{word}", isPenName: false, DateTime.UtcNow);
            db.Tags.Add(tag);
            db.People.Add(person);
            await db.SaveChangesAsync();
            foreach (var article in articles)
            {
                if (article.Headline.StartsWith("Tagged", StringComparison.Ordinal))
                {
                    article.ReplaceTags([tag]);
                }

                if (article.Headline.Contains("credited", StringComparison.OrdinalIgnoreCase))
                {
                    article.Contributors.Add(new ArticleContributor(person.Id, ContributorRole.Writing, 0));
                }
            }

            await db.SaveChangesAsync();
            return (tag.Id, person.Id);
        });

        var form = (await editor.GetDocumentAsync("/editor")).QuerySelector("form.filter-form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("Tag", form.QuerySelector("label[for=tag-filter]")!.Text());
        Assert.Equal("Person credited", form.QuerySelector("label[for=person-filter]")!.Text());
        Assert.Contains(form.QuerySelectorAll("#tag-filter option"), o => o.GetAttribute("value") == $"{tagId}" && o.Text() == $"Filter topic {word}" && o.GetAttribute("lang") == "ru");
        Assert.Contains(form.QuerySelectorAll("#person-filter option"), o => o.GetAttribute("value") == $"{personId}" && o.Text() == $"Filter Person {word}");

        string[] Published(AngleSharp.Html.Dom.IHtmlDocument page) => [.. List(page, "Recently published").QuerySelectorAll("tbody a").Select(a => a.Text()).Where(t => t.EndsWith(word, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        Assert.Equal([$"Tagged and credited {word}", $"Tagged only {word}"], Published(await editor.GetDocumentAsync($"/editor?tag={tagId}")));
        Assert.Equal([$"Credited only {word}", $"Tagged and credited {word}"], Published(await editor.GetDocumentAsync($"/editor?person={personId}")));
        var both = await editor.GetDocumentAsync($"/editor?edition=ru&q={word}&tag={tagId}&person={personId}");
        Assert.Equal([$"Tagged and credited {word}"], Published(both));
        Assert.Equal(["1"], List(both, "Recently published").QuerySelectorAll("h2").Select(h => h.Text()[^2..^1]));
        Assert.Equal($"{tagId}", both.QuerySelector("#tag-filter option[selected]")!.GetAttribute("value"));
        Assert.Empty(Published(await editor.GetDocumentAsync($"/editor?edition=en&tag={tagId}")));
    }

    [Fact]
    public async Task SearchMatchesLikeWildcardsLiterally()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        // "%_%" as a LIKE pattern would match every article; as text it matches none.
        var page = await editor.GetDocumentAsync("/editor?q=%25_%25");
        Assert.All(page.QuerySelectorAll("section.dashboard-list h2"), h => Assert.EndsWith("(0)", h.Text(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/editor?mine=0")]
    [InlineData("/editor?published=-1")]
    [InlineData("/editor?review=abc")]
    [InlineData("/editor?scheduled=100000")]
    public async Task ABadPageNumberIs400(string url)
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var response = await editor.Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/editor?tag=abc")]
    [InlineData("/editor?person=1e9")]
    public async Task AFilterThatIsNotAnIdIs400WithAMessage(string url)
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var response = await editor.Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose the tag and the person from the lists.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownTagOrPersonFindsNothing()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var page = await editor.GetDocumentAsync("/editor?tag=987654321&person=987654321");
        Assert.All(page.QuerySelectorAll("section.dashboard-list h2"), h => Assert.EndsWith("(0)", h.Text(), StringComparison.Ordinal));
    }
}
