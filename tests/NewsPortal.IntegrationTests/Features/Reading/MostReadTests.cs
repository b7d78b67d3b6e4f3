using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Features.Reading;

/// <summary>Each edition's most-read stories of the last 24 hours, on its front page and article pages.</summary>
[Collection(ReadingCollection.Name)]
public class MostReadTests(ReadingFactory factory)
{
    private static IReadOnlyList<int> ListedIds(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".most-read ol li a").Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture))];

    [Theory]
    [InlineData("en", "Most read")]
    [InlineData("fa", "پربیننده‌ترین‌ها")]
    public async Task TheFrontPageAndArticlePageShowTheMostReadStoriesInALabelledSection(string edition, string heading)
    {
        var (id, url) = await factory.StoryAsync(edition);
        var reader = factory.CreateReader();
        foreach (var page in new[] { $"/{edition}", url })
        {
            var (response, document) = await reader.GetPageAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var section = document.QuerySelector("main section.most-read");
            Assert.NotNull(section);
            var title = document.GetElementById(section.GetAttribute("aria-labelledby")!);
            Assert.Equal("H2", title?.TagName);
            Assert.Equal(heading, title!.TextContent);
            var links = section.QuerySelectorAll("ol > li > a");
            Assert.InRange(links.Length, 1, 5);
            Assert.All(links, a => Assert.StartsWith($"/{edition}/a/", a.GetAttribute("href"), StringComparison.Ordinal));
        }

        // On an article page the story itself is marked when it is one of them.
        var (_, article) = await reader.GetPageAsync(url);
        Assert.All(article.QuerySelectorAll(".most-read a[aria-current='page']"), a => Assert.EndsWith($"/{id}", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task MostReadOrdersStoriesByTheirReadsInTheLast24HoursOnly()
    {
        // A host a month ahead: the demo reads are long out of its window; these rows are its last day and more.
        var clock = new ShiftedClock { Offset = TimeSpan.FromDays(30) };
        var now = clock.GetUtcNow().UtcDateTime;
        var hour = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);
        var stories = await factory.QueryAsync(db => db.Articles.Where(a => a.Edition.Code == "ru" && a.Status == ArticleStatus.Published)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.EditionId }).Take(4).ToListAsync());
        var (a, b, c, d) = (stories[0], stories[1], stories[2], stories[3]);
        await factory.QueryAsync(async db =>
        {
            db.ReadCounts.AddRange(
                new ArticleReadCount(a.Id, a.EditionId, hour.AddHours(-1), 50),
                new ArticleReadCount(b.Id, b.EditionId, hour.AddHours(-2), 60),
                new ArticleReadCount(b.Id, b.EditionId, hour.AddHours(-23), 20),
                new ArticleReadCount(c.Id, c.EditionId, hour.AddHours(-3), 30),
                new ArticleReadCount(c.Id, c.EditionId, hour.AddHours(-25), 500),
                new ArticleReadCount(d.Id, d.EditionId, hour.AddHours(-30), 1000));
            return await db.SaveChangesAsync();
        });

        await using var later = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var (response, page) = await later.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetPageAsync("/ru");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([b.Id, a.Id, c.Id], ListedIds(page));
    }

    [Fact]
    public async Task AnUnpublishedStoryLeavesTheCachedMostReadListsAtOnce()
    {
        var reader = factory.CreateReader();
        var (_, front) = await reader.GetPageAsync("/uk");
        var top = ListedIds(front)[0];
        var elsewhere = (await Task.WhenAll(Enumerable.Range(0, 3).Select(skip => factory.StoryAsync("uk", skip)))).First(s => s.Id != top).Url;
        Assert.Contains(top, ListedIds((await reader.GetPageAsync(elsewhere)).Document));
        Assert.NotNull((await reader.GetAsync(new Uri("/uk", UriKind.Relative))).Headers.Age);

        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{top}", "form.editor-form", new() { ["command"] = "Unpublish" })).StatusCode);

        Assert.DoesNotContain(top, ListedIds((await reader.GetPageAsync("/uk")).Document));
        Assert.DoesNotContain(top, ListedIds((await reader.GetPageAsync(elsewhere)).Document));
    }
}
