using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Areas.Editor;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Features;

/// <summary>
/// Work that is not out yet (a draft, a story in review, a scheduled story, a story taken offline, the pending
/// change of a live story) appears on no reader surface: pages, search, feeds, sitemaps.
/// </summary>
[Collection(EditorAreaCollection.Name)]
public partial class UnpublishedVisibilityTests(EditorAreaFactory factory)
{
    [Fact]
    public async Task NoReaderSurfaceShowsWorkThatIsNotOut()
    {
        var token = "zqx" + Guid.NewGuid().ToString("N")[..10];
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var writer = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);

        var draft = await writer.CreateArticleAsync(factory, $"Draft {token} one", "Save");
        var inReview = await writer.CreateArticleAsync(factory, $"Review {token} two", "Submit");
        var scheduled = await editor.CreateArticleAsync(factory, $"Scheduled {token} three", "Schedule",
            fields => fields["PublishAt"] = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        var offline = await editor.CreateArticleAsync(factory, $"Offline {token} four", "Publish");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{offline}", "form.editor-form", new() { ["command"] = "Unpublish" })).StatusCode);
        var live = await editor.CreateArticleAsync(factory, $"Live story {Guid.NewGuid():N}", "Publish");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{live}", "form.editor-form", new() { ["Headline"] = $"Pending {token} five", ["Body"] = $"Pending body {token}.", ["command"] = "Save" })).StatusCode);

        var articles = await factory.QueryAsync(db => db.Articles.AsNoTracking().Include(a => a.Section).Include(a => a.Edition)
            .Where(a => new[] { draft, inReview, scheduled, offline, live }.Contains(a.Id)).ToListAsync());
        Assert.Equal(ArticleStatus.Draft, articles.Single(a => a.Id == draft).Status);
        Assert.Equal(ArticleStatus.InReview, articles.Single(a => a.Id == inReview).Status);
        Assert.Equal(ArticleStatus.Scheduled, articles.Single(a => a.Id == scheduled).Status);
        Assert.Equal(ArticleStatus.Unpublished, articles.Single(a => a.Id == offline).Status);

        var reader = factory.CreateReader();
        var section = articles[0].Section.Slug;
        var surfaces = new List<string>
        {
            "/en", $"/en/s/{section}", "/en/source/reuters", $"/en/search?q={token}", "/en/corrections",
            "/en/feed", "/en/feed/atom", $"/en/s/{section}/feed", $"/en/s/{section}/feed/atom", "/en/source/reuters/feed", "/en/source/reuters/feed/atom",
            "/sitemap.xml",
        };
        var index = await reader.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));
        surfaces.AddRange(SitemapLocation().Matches(index).Select(m => new Uri(m.Groups[1].Value).PathAndQuery));
        Assert.Contains(surfaces, s => s.StartsWith("/sitemaps/en/", StringComparison.Ordinal));

        foreach (var surface in surfaces)
        {
            var response = await reader.GetAsync(new Uri(surface, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{surface} answered {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            // The search page repeats the query itself; no headline or body around the word may appear.
            foreach (var words in new[] { $"{token} one", $"{token} two", $"{token} three", $"{token} four", $"{token} five", $"body {token}" })
            {
                Assert.False(body.Contains(words, StringComparison.Ordinal), $"{surface} shows work that is not out (\"{words}\")");
            }

            foreach (var id in new[] { draft, inReview, scheduled, offline })
            {
                Assert.False(Regex.IsMatch(body, $@"/a/[^/""<\s]+/{id}(?![0-9])"), $"{surface} links to article {id}, which is not out");
            }
        }

        foreach (var article in articles.Where(a => a.Id != live))
        {
            foreach (var suffix in new[] { "", "/lite" })
            {
                var page = await reader.GetAsync(new Uri($"/{article.Edition.Code}/a/{article.Slug}/{article.Id}{suffix}", UriKind.Relative));
                Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            }
        }
    }


    [GeneratedRegex("<loc>([^<]+)</loc>")]
    private static partial Regex SitemapLocation();
}
