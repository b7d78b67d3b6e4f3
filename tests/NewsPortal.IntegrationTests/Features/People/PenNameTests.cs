using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Operations;

namespace NewsPortal.IntegrationTests.Features.People;

/// <summary>
/// A pen name protects a journalist: readers see the pen name and nothing else. These tests read every public page,
/// feed and sitemap the site links to, and an export, looking for the real name, the linked account, and the other
/// pen name of the same journalist.
/// </summary>
[Collection(EditorAreaCollection.Name)]
public partial class PenNameTests(EditorAreaFactory factory, Xunit.Abstractions.ITestOutputHelper output)
{
    // The demo's two pen names are one journalist's, whose real name the newsroom keeps.
    private const string RealName = "Leyla Mansouri";

    [Fact]
    public async Task NoPublicPageFeedOrSitemapShowsTheRealNameTheAccountOrTheOtherPenName()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var account = await factory.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == editor.Email);
            foreach (var pen in await db.People.Where(p => p.IsPenName).ToListAsync())
            {
                pen.UserId = user.Id;
            }

            await db.SaveChangesAsync();
            return (user.Email!, user.DisplayName);
        });

        var reader = factory.CreateReader();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/", "/sitemap.xml", "/robots.txt", "/fa/author/dariush-sepehr", "/ru/author/ivan-gromov",
            "/fa/author/dariush-sepehr/feed", "/fa/author/dariush-sepehr/feed/atom", "/ru/author/ivan-gromov/feed", "/ru/author/ivan-gromov/feed/atom",
            "/fa/search?q=" + Uri.EscapeDataString("داریوش"), "/ru/search?q=" + Uri.EscapeDataString("Громов"), "/en/search?q=Mansouri"]);
        var pages = 0;
        while (queue.Count > 0 && pages < 5000)
        {
            var path = queue.Dequeue();
            if (!seen.Add(path))
            {
                continue;
            }

            var response = await reader.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            pages++;
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(RealName, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(account.Item1, text, StringComparison.OrdinalIgnoreCase);
            if (path.Contains("dariush-sepehr", StringComparison.Ordinal))
            {
                Assert.DoesNotContain("ivan-gromov", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Громов", text, StringComparison.Ordinal);
            }

            if (path.Contains("ivan-gromov", StringComparison.Ordinal))
            {
                Assert.DoesNotContain("dariush-sepehr", text, StringComparison.Ordinal);
                Assert.DoesNotContain("سپهر", text, StringComparison.Ordinal);
            }

            foreach (Match link in Links().Matches(text))
            {
                var target = WebUtility.HtmlDecode(link.Groups["url"].Value);
                // ("/en" is an absolute file URI on Unix: only web addresses count as absolute here.)
                if (target.StartsWith("http", StringComparison.Ordinal) && Uri.TryCreate(target, UriKind.Absolute, out var absolute))
                {
                    if (absolute.Host != "localhost")
                    {
                        continue;
                    }

                    target = absolute.PathAndQuery;
                }

                if (target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal) && !target.StartsWith("/editor", StringComparison.Ordinal)
                    && !target.StartsWith("/media", StringComparison.Ordinal) && !target.StartsWith("/css", StringComparison.Ordinal) && !target.StartsWith("/js", StringComparison.Ordinal))
                {
                    queue.Enqueue(target.Split('#')[0]);
                }
            }
        }

        // The crawl reached the pen names' pages, the stories they write, feeds and sitemaps.
        output.WriteLine($"{pages} public pages, feeds and sitemaps read");
        Assert.True(pages > 100, $"only {pages} pages read");
        Assert.Contains("/fa/author/dariush-sepehr", seen);
        Assert.Contains(seen, p => p.StartsWith("/sitemaps/", StringComparison.Ordinal));

        // An export carries the pen names as pen names alone.
        var folder = Path.Combine(Path.GetTempPath(), "newsportal-export-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ExportArchive>().ExecuteAsync(folder, null, CancellationToken.None);
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".jpg", StringComparison.Ordinal)))
            {
                var text = await File.ReadAllTextAsync(file);
                Assert.DoesNotContain(RealName, text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(account.Item1, text, StringComparison.OrdinalIgnoreCase);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task APenNamesPageShowsThePenNameItsBioAndItsStoriesOnly()
    {
        var (response, page) = await factory.CreateReader().GetPageAsync("/fa/author/dariush-sepehr");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("داریوش سپهر", page.QuerySelector("h1").Text());
        Assert.Null(page.QuerySelector(".author-profile__photo"));
        Assert.NotEmpty(page.QuerySelectorAll(".story-list a"));
    }

    [GeneratedRegex("(?:href|src)=\"(?<url>[^\"]+)\"|<loc>(?<url>[^<]+)</loc>|Sitemap: (?<url>\\S+)")]
    private static partial Regex Links();
}
