using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>
/// The article form's Tags field: names typed with commas become the edition's tags (existing ones reused, new ones
/// created in the same save), travel with revisions and pending changes, and bad input is refused with the text kept.
/// </summary>
[Collection(EditorAreaCollection.Name)]
public class ArticleTagsTests(EditorAreaFactory factory)
{
    private static readonly HtmlParser Parser = new();

    private static string Token() => "tg" + Guid.NewGuid().ToString("N")[..10];

    private Task<Article> ArticleAsync(string headline) =>
        factory.QueryAsync(db => db.Articles.Include(a => a.Tags).ThenInclude(t => t.Tag).SingleAsync(a => a.Headline == headline));

    private static List<string> Names(Article article) => [.. article.Tags.OrderBy(t => t.Order).Select(t => t.Tag.Name)];

    private async Task<(EditorSession Editor, Article Article)> SaveAsync(string edition, string headline, string tags, string command = "Save")
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var fields = ArticleWorkflowTests.Fields(headline, command);
        fields["Tags"] = tags;
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/new?edition={edition}", "form.editor-form", fields)).StatusCode);
        return (editor, await ArticleAsync(headline));
    }

    [Fact]
    public async Task SavingTagsReusesTheEditionsTagsByNameAndCreatesNewOnes()
    {
        var token = Token();
        var (_, article) = await SaveAsync("en", $"Harbour wall repairs begin {token}", $" floods ,  Harbour   works {token}, FLOODS, Selvan River ");

        // Typed in any case and spacing, a name finds the seeded tag; repeated names count once; the order is kept.
        Assert.Equal(["Floods", $"Harbour works {token}", "Selvan river"], Names(article));
        var tags = await factory.QueryAsync(db => db.Tags.Where(t => db.Editions.Any(e => e.Id == t.EditionId && e.Code == "en")).ToListAsync());
        Assert.Single(tags, t => t.Slug == "floods");
        Assert.Single(tags, t => t.Slug == $"harbour-works-{token}");

        // The same new name in another story is the same tag; in another edition it is that edition's own.
        var (_, second) = await SaveAsync("en", $"Second harbour story {token}", $"harbour works {token}");
        Assert.Equal(article.Tags.Single(t => t.Tag.Name.StartsWith("Harbour", StringComparison.Ordinal)).TagId, second.Tags.Single().TagId);
        var (_, russian) = await SaveAsync("ru", $"Ремонт причала {token}", $"Harbour works {token}");
        Assert.NotEqual(second.Tags.Single().TagId, russian.Tags.Single().TagId);
        Assert.Equal($"harbour-works-{token}", russian.Tags.Single().Tag.Slug);
    }

    [Fact]
    public async Task ANewNameWhoseSlugIsTakenGetsAnAddressOfItsOwn()
    {
        var token = Token();
        var (_, first) = await SaveAsync("ru", $"Первый {token}", $"Ёлка {token}");
        var (_, second) = await SaveAsync("ru", $"Второй {token}", $"Елка {token}");

        // Transliterated, both names are "elka-…": the second tag is a tag of its own, addressed "-2".
        Assert.NotEqual(first.Tags.Single().TagId, second.Tags.Single().TagId);
        Assert.Equal(first.Tags.Single().Tag.Slug + "-2", second.Tags.Single().Tag.Slug);
    }

    [Theory]
    [InlineData("one, two, three, four, five, six, seven, eight, nine, ten, eleven", "at most 10 tags")]
    [InlineData("a tag whose name goes on and on well past the eighty characters a tag name may have", "at most 80 characters")]
    [InlineData("weather, ???", "needs a letter or a digit")]
    public async Task BadTagInputIsRefusedWith400AndEverythingTypedShownAgain(string tags, string message)
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var headline = $"Refused for its tags {Token()}";
        var fields = ArticleWorkflowTests.Fields(headline, "Publish");
        fields["Tags"] = tags;

        var response = await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector(".problems")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(tags, ((IHtmlInputElement)page.QuerySelector("#Tags")!).Value);
        Assert.Equal(headline, ((IHtmlInputElement)page.QuerySelector("#Headline")!).Value);
        Assert.Equal(fields["Body"], page.QuerySelector("#Body")!.TextContent.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\n'));
        Assert.False(await factory.QueryAsync(db => db.Articles.AnyAsync(a => a.Headline == headline)));
    }

    [Fact]
    public async Task TheFormOffersTheEditionsTagsInItsLanguageAndDirection()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);

        var page = await editor.GetDocumentAsync("/editor/articles/new?edition=fa");

        var field = page.QuerySelector("#Tags")!;
        Assert.Equal("fa", field.GetAttribute("lang"));
        Assert.Equal("rtl", field.GetAttribute("dir"));
        Assert.Equal("Tags", page.QuerySelector("label[for=Tags]")!.TextContent);
        var options = page.QuerySelectorAll($"datalist#{field.GetAttribute("list")} option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("سیل", options);
        Assert.DoesNotContain("Floods", options);
    }

    [Fact]
    public async Task TagsOfALiveStoryWaitWithItsPendingChangesAndGoLiveWithThem()
    {
        var token = Token();
        var (editor, article) = await SaveAsync("en", $"Lighthouse keepers return {token}", $"Coasts {token}", command: "Publish");
        var url = $"/en/a/{article.Slug}/{article.Id}";

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["Tags"] = $"Coasts {token}, Lighthouses {token}" })).StatusCode);

        // Readers keep the published tags; the form and the revisions carry the pending ones.
        Assert.Equal([$"Coasts {token}"], Names(await ArticleAsync(article.Headline)));
        var (_, reader) = await factory.CreateReader().GetPageAsync(url);
        Assert.DoesNotContain($"Lighthouses {token}", reader.QuerySelector(".article__tags")!.TextContent, StringComparison.Ordinal);
        var form = await editor.ReadFormAsync($"/editor/articles/{article.Id}");
        Assert.Equal($"Coasts {token}, Lighthouses {token}", form["Tags"]);
        var preview = await editor.GetDocumentAsync($"/en/preview/{article.Id}");
        Assert.Equal([$"Coasts {token}", $"Lighthouses {token}"], preview.QuerySelectorAll(".article__tags a").Select(a => a.TextContent));

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["command"] = "UpdateLive" })).StatusCode);
        Assert.Equal([$"Coasts {token}", $"Lighthouses {token}"], Names(await ArticleAsync(article.Headline)));
    }

    [Fact]
    public async Task RevisionsCompareAndRestoreTheTags()
    {
        var token = Token();
        var (editor, article) = await SaveAsync("en", $"Museum night returns {token}", $"Museums {token}");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["Tags"] = $"Nightlife {token}" })).StatusCode);
        var first = await factory.QueryAsync(db => db.Revisions.Where(r => r.ArticleId == article.Id).OrderBy(r => r.Id).FirstAsync());

        var compare = await editor.GetDocumentAsync($"/editor/articles/{article.Id}/revisions/{first.Id}");
        var row = compare.QuerySelectorAll("table tr").Single(r => r.TextContent.Contains("Tags", StringComparison.Ordinal));
        Assert.Contains($"Museums {token}", row.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Nightlife {token}", row.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}/revisions/{first.Id}", "form[action$='/restore']", [])).StatusCode);
        Assert.Equal([$"Museums {token}"], Names(await ArticleAsync(article.Headline)));
    }

    [Fact]
    public async Task ATagPageListsOnlyTheStoriesReadersCanSee()
    {
        var token = Token();
        var topic = $"Ferries {token}";
        var (editor, published) = await SaveAsync("en", $"Ferry to the islands resumes {token}", topic, command: "Publish");
        var (_, draft) = await SaveAsync("en", $"Ferry draft nobody may read {token}", topic);
        var fields = ArticleWorkflowTests.Fields($"Ferry story due tomorrow {token}", "Schedule");
        fields["Tags"] = topic;
        fields["PublishAt"] = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields)).StatusCode);
        var slug = published.Tags.Single().Tag.Slug;

        var (response, page) = await factory.CreateReader().GetPageAsync($"/en/tag/{slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([published.Headline], page.QuerySelectorAll(".story-card h2").Select(h => h.TextContent.Trim()));
        var feed = await factory.CreateReader().GetStringAsync(new Uri($"/en/tag/{slug}/feed", UriKind.Relative));
        Assert.Contains(published.Headline, feed, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.Headline, feed, StringComparison.Ordinal);
        Assert.DoesNotContain("due tomorrow", feed, StringComparison.Ordinal);

        // A tag whose stories are all unpublished has an empty page and no place in the sitemap.
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{published.Id}", "form.editor-form", new() { ["command"] = "Unpublish" })).StatusCode);
        var (_, empty) = await factory.CreateReader().GetPageAsync($"/en/tag/{slug}");
        Assert.Empty(empty.QuerySelectorAll(".story-card"));
        Assert.Equal("There are no stories on this topic yet.", empty.QuerySelector("main p:not(.page-kicker)")!.TextContent);
        Assert.DoesNotContain($"/en/tag/{slug}<", await factory.CreateReader().GetStringAsync(new Uri("/sitemaps/en/tags.xml", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATagNameIsEscapedInPagesFeedsAndJsonLd()
    {
        var token = Token();
        var name = $"</script><b>Bold & \"quoted\" {token}";
        var (_, article) = await SaveAsync("en", $"Escaping story {token}", name, command: "Publish");
        var tag = article.Tags.Single().Tag;
        var reader = factory.CreateReader();

        var articleHtml = await reader.GetStringAsync(new Uri($"/en/a/{article.Slug}/{article.Id}", UriKind.Relative));
        Assert.DoesNotContain("<b>Bold", articleHtml, StringComparison.Ordinal);
        var (_, page) = await reader.GetPageAsync($"/en/a/{article.Slug}/{article.Id}");
        Assert.DoesNotContain("<", page.QuerySelector("script[type='application/ld+json']")!.InnerHtml, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal(name, json.RootElement.GetProperty("keywords")[0].GetString());
        Assert.Equal(name, page.QuerySelector("section.article__tags a")!.TextContent);

        var (_, tagPage) = await reader.GetPageAsync($"/en/tag/{tag.Slug}");
        Assert.Equal(name, tagPage.QuerySelector("h1")!.TextContent);
        Assert.Null(tagPage.QuerySelector("main b"));
        var feed = System.Xml.Linq.XDocument.Parse(await reader.GetStringAsync(new Uri($"/en/tag/{tag.Slug}/feed/atom", UriKind.Relative)));
        Assert.Contains(name, feed.Root!.Element(System.Xml.Linq.XName.Get("title", "http://www.w3.org/2005/Atom"))!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ARevisionSavedBeforeTagsReadsWithNoTags()
    {
        var content = NewsPortal.Web.Data.Configurations.ArticleContentJson.Deserialize("""{"SectionId":3,"Headline":"Old","Lead":"","BodyMarkdown":"","Author":"Desk","Slug":"old","Credits":[]}""");

        Assert.Empty(content.Tags);
        Assert.True(content.SameAs(new ArticleContent { SectionId = 3, Headline = "Old", Slug = "old" }, ArticleField.Tags));
    }
}
