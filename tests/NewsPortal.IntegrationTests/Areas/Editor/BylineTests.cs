using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>
/// Newsroom accounts sign in with their e-mail address; the byline is published on the page, in the
/// feeds and in structured data. The address must never get there.
/// </summary>
[Collection(EditorAreaCollection.Name)]
public class BylineTests(EditorAreaFactory factory)
{
    [Fact]
    public async Task NewArticleForm_DefaultsTheAuthorToTheDisplayNameNotTheSignInAddress()
    {
        var writer = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);

        var form = await writer.GetDocumentAsync("/editor/articles/new?edition=en");

        Assert.Equal("Writer tester", form.QuerySelector("#Author")!.GetAttribute("value"));
        Assert.DoesNotContain(writer.Email, form.QuerySelector("form.editor-form")!.OuterHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("own-address")]
    [InlineData("reporter@example.org")]
    [InlineData("Sam Reporter (sam.reporter@example.org)")]
    public async Task Save_RefusesAnEmailAddressAsAuthorWith400AndKeepsTheText(string author)
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var headline = $"Story with an address for a byline {Guid.NewGuid():N}";
        var fields = ArticleWorkflowTests.Fields(headline, "Publish", body: "Body text the editor typed.");
        fields["Author"] = author == "own-address" ? editor.Email.ToUpperInvariant() : author;

        var response = await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not an e-mail address", page.QuerySelector(".problems")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(headline, page.QuerySelector("#Headline")!.GetAttribute("value"));
        Assert.Equal("Body text the editor typed.", page.QuerySelector("#Body")!.TextContent.Trim());
        Assert.False(await factory.QueryAsync(db => db.Articles.AnyAsync(a => a.Headline == headline)));
    }

    [Fact]
    public async Task AStoredEmailBylineReachesNoPageFeedOrStructuredData()
    {
        const string address = "old.byline@newsroom.test";
        var headline = $"Story saved with an address for a byline {Guid.NewGuid():N}";
        var url = await factory.QueryAsync(async db =>
        {
            var edition = await db.Editions.SingleAsync(e => e.Code == "uk");
            var section = await db.Sections.Where(s => s.EditionId == edition.Id).OrderBy(s => s.Order).FirstAsync();
            var article = new Article(edition, section, headline, address, DateTime.UtcNow.AddMinutes(-5)) { Lead = "A lead." };
            article.SetBody("A paragraph.", new RenderedBody("<p>A paragraph.</p>", "A paragraph."));
            article.Publish(DateTime.UtcNow.AddMinutes(-1));
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return $"/uk/a/{Uri.EscapeDataString(article.Slug)}/{article.Id}";
        });
        var reader = factory.CreateReader();

        var (response, page) = await reader.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(headline, page.QuerySelector("h1").Text());
        Assert.Null(page.QuerySelector(".article__author"));
        var jsonLd = page.QuerySelector("script[type='application/ld+json']")!.TextContent;
        Assert.Contains("\"author\":[{\"@type\":\"NewsMediaOrganization\"", jsonLd, StringComparison.Ordinal);

        foreach (var path in new[] { url, url + "/lite", "/uk/feed", "/uk/feed/atom" })
        {
            var text = await reader.GetStringAsync(new Uri(path, UriKind.Relative));
            Assert.Contains(headline, text, StringComparison.Ordinal);
            Assert.DoesNotContain(address, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("old.byline", text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
