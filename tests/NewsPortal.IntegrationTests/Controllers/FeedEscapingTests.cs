using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Areas.Editor;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Controllers;

/// <summary>
/// Text editors typed reaches feed readers as text. An RSS 2.0 description is entity-encoded HTML: a feed
/// reader decodes it once and renders the result, so what it decodes to must hold no element.
/// (These tests add corrections and sections, so they run on the editor area's database.)
/// </summary>
[Collection(EditorAreaCollection.Name)]
public class FeedEscapingTests(EditorAreaFactory factory)
{
    private const string Hostile = "<img src=x onerror=alert(1)> & <b>bold</b>";

    private static readonly HtmlParser Html = new();

    /// <summary>The description as a feed reader renders it: XML-decoded, then parsed as HTML.</summary>
    private static AngleSharp.Dom.IElement Rendered(string descriptionText) =>
        Html.ParseDocument($"<body>{descriptionText}</body>").Body!;

    [Fact]
    public async Task RssCorrectionsFeed_RendersAHostileCorrectionAsTextNotMarkup()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var headline = $"Story with a hostile correction {Guid.NewGuid():N}";
        await editor.PostFormAsync("/editor/articles/new?edition=ru", "form.editor-form", ArticleWorkflowTests.Fields(headline, "Publish"));
        var id = await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{id}", "form[action$='/corrections']", new() { ["text"] = Hostile })).StatusCode);

        var rss = XDocument.Parse(await factory.CreateReader().GetStringAsync(new Uri("/ru/corrections/feed", UriKind.Relative)));
        var description = rss.Descendants("item").Single(i => i.Element("title")!.Value.Contains(headline, StringComparison.Ordinal)).Element("description")!.Value;
        var rendered = Rendered(description);

        Assert.Empty(rendered.Children);
        Assert.Equal(Hostile, rendered.TextContent);

        // Atom declares the text as text: its reader shows it as it is.
        var atom = XDocument.Parse(await factory.CreateReader().GetStringAsync(new Uri("/ru/corrections/feed/atom", UriKind.Relative)));
        XNamespace a = "http://www.w3.org/2005/Atom";
        var summary = atom.Descendants(a + "entry").Single(e => e.Element(a + "title")!.Value.Contains(headline, StringComparison.Ordinal)).Element(a + "summary")!;
        Assert.Equal("text", summary.Attribute("type")?.Value ?? "text");
        Assert.Equal(Hostile, summary.Value);
    }

    [Fact]
    public async Task RssSectionFeed_RendersAHostileSectionNameInTheChannelDescriptionAsText()
    {
        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin);
        var slug = $"hostile-{Guid.NewGuid():N}"[..16];
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/editor/setup", "form[action='/editor/setup/sections']", new() { ["Edition"] = "uk", ["Name"] = Hostile, ["Slug"] = slug })).StatusCode);

        var rss = XDocument.Parse(await factory.CreateReader().GetStringAsync(new Uri($"/uk/s/{slug}/feed", UriKind.Relative)));
        var rendered = Rendered(rss.Root!.Element("channel")!.Element("description")!.Value);

        Assert.Empty(rendered.Children);
        Assert.Contains(Hostile, rendered.TextContent, StringComparison.Ordinal);
    }
}
