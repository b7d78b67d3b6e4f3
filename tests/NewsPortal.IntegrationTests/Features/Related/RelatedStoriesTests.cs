using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Areas.Editor;
using NewsPortal.IntegrationTests.Features.Reading;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.IntegrationTests.Features.Related;

/// <summary>
/// Related stories on the article page: stored when stories are published, changed or unpublished (never worked out
/// per request), shown in a labelled section, and taken off cached pages when the lists change.
/// </summary>
[Collection(ReadingCollection.Name)]
public class RelatedStoriesTests(ReadingFactory factory)
{
    private static IReadOnlyList<int> RelatedIds(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("section.related li a").Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture))];

    private async Task<IHtmlDocument> PageAsync(string url)
    {
        var (response, page) = await factory.CreateReader().GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    [Fact]
    public async Task DemoStoriesShowUpToFourRelatedStoriesOfTheirEditionButNeverThemselves()
    {
        var (id, url) = await factory.StoryAsync("en");
        var page = await PageAsync(url);

        var section = page.QuerySelector("main section.related");
        Assert.NotNull(section);
        Assert.Equal("Related stories", page.GetElementById(section.GetAttribute("aria-labelledby")!)?.TextContent);
        var related = RelatedIds(page);
        Assert.InRange(related.Count, 1, 4);
        Assert.DoesNotContain(id, related);
        Assert.All(section.QuerySelectorAll("li a"), a => Assert.StartsWith("/en/a/", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishingAStorySharingATagListsItOnOlderStoriesAndUnpublishingTakesItOff()
    {
        var headline = $"Ferry timetable changes for the winter {Guid.NewGuid():N}";
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", ArticleWorkflowTests.Fields(headline, "Save"))).StatusCode);

        // An older story in another section, and the new one, share a tag nothing else has.
        var (newId, section) = await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => new ValueTuple<int, int>(a.Id, a.SectionId)).SingleAsync());
        var older = await factory.QueryAsync(db => db.Articles
            .Where(a => a.Edition.Code == "en" && a.Status == ArticleStatus.Published && a.SectionId != section && !a.IsLiveCoverage)
            .OrderBy(a => a.PublishedAt).Select(a => new { a.Id, a.Slug }).FirstAsync());
        var olderUrl = $"/en/a/{older.Slug}/{older.Id}";
        await factory.QueryAsync(async db =>
        {
            var edition = await db.Editions.SingleAsync(e => e.Code == "en");
            var tag = new Tag(edition.Id, "Ferries " + Guid.NewGuid().ToString("N")[..8], edition.SlugPolicy);
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            foreach (var article in await db.Articles.Where(a => a.Id == newId || a.Id == older.Id).ToListAsync())
            {
                article.Tags.Add(new ArticleTag(tag.Id, 0));
            }

            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(newId, RelatedIds(await PageAsync(olderUrl)));

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{newId}", "form.editor-form", new() { ["command"] = "Publish" })).StatusCode);

        // The shared tag ranks it first on the older story's page, which was cached before.
        var newUrl = await factory.QueryAsync(db => db.Articles.Where(a => a.Id == newId).Select(a => "/en/a/" + a.Slug + "/" + a.Id).SingleAsync());
        Assert.Equal(newId, RelatedIds(await PageAsync(olderUrl)).FirstOrDefault());
        Assert.Equal(older.Id, RelatedIds(await PageAsync(newUrl)).FirstOrDefault());
        Assert.True(await factory.QueryAsync(db => db.RelatedArticles.AnyAsync(r => r.ArticleId == older.Id && r.RelatedId == newId && r.Rank == 0)));

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{newId}", "form.editor-form", new() { ["command"] = "Unpublish" })).StatusCode);

        Assert.DoesNotContain(newId, RelatedIds(await PageAsync(olderUrl)));
        Assert.False(await factory.QueryAsync(db => db.RelatedArticles.AnyAsync(r => r.RelatedId == newId || r.ArticleId == newId)));
    }

    [Fact]
    public async Task AScheduledStoryGetsItsRelatedStoriesWhenTheSchedulerPublishesIt()
    {
        var (id, url) = await factory.StoryAsync("ru");
        await factory.QueryAsync(async db =>
        {
            var story = await db.Articles.Include(a => a.Edition).Include(a => a.Section).SingleAsync(a => a.Id == id);
            var scheduled = new Article(story.Edition, story.Section, "Расписание электричек меняется " + Guid.NewGuid().ToString("N")[..6], DateTime.UtcNow.AddHours(-2)) { Lead = "Коротко о главном." };
            scheduled.Schedule(DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(-1));
            db.Articles.Add(scheduled);
            return await db.SaveChangesAsync();
        });

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PublishDueArticles>().ExecuteAsync(CancellationToken.None) > 0);
        }

        var published = await factory.QueryAsync(db => db.Articles.Where(a => a.Lead == "Коротко о главном.").Select(a => a.Id).SingleAsync());
        Assert.InRange(await factory.QueryAsync(db => db.RelatedArticles.CountAsync(r => r.ArticleId == published)), 1, RelatedStories.MaxCount);
        Assert.Contains(published, RelatedIds(await PageAsync(url)));
    }
}
