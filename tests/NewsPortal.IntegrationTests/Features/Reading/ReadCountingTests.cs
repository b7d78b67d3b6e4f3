using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Features.Reading;

/// <summary>
/// Article reads counted on the server: GETs of an article page answered 200, from the reader cache or rendered,
/// written to the hourly rows by the background writer, with nothing about the reader set or kept.
/// </summary>
[Collection(ReadingCollection.Name)]
public class ReadCountingTests(ReadingFactory factory)
{
    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, Action<HttpRequestMessage>? change = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        change?.Invoke(request);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task ReadsOfACachedArticlePageAreCountedAfterAFlush()
    {
        var (id, url) = await factory.StoryAsync("en", skip: 1);
        var before = await factory.StoredReadsAsync(id);
        var reader = factory.CreateReader();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            responses.Add(await GetAsync(reader, url));
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Contains(responses, r => r.Headers.Age is not null);
        Assert.Equal(before + 4, await factory.StoredReadsAsync(id));
    }

    [Fact]
    public async Task CountingSetsNoCookieAndKeepsNothingAboutTheReader()
    {
        var (id, url) = await factory.StoryAsync("en", skip: 2);
        await factory.FlushReadsAsync();
        var rowsBefore = await factory.QueryAsync(db => db.ReadCounts.CountAsync(r => r.ArticleId == id));
        var reader = factory.CreateReader();

        foreach (var (agent, address) in new[] { ("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0", "203.0.113.7"), ("Mozilla/5.0 (Android 15) Chrome/141.0 Mobile", "198.51.100.23") })
        {
            var response = await GetAsync(reader, url, r =>
            {
                r.Headers.UserAgent.ParseAdd(agent);
                r.Headers.Add("X-Forwarded-For", address);
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }

        await factory.FlushReadsAsync();
        var rows = await factory.QueryAsync(db => db.ReadCounts.AsNoTracking().Where(r => r.ArticleId == id).ToListAsync());
        // Two readers in one hour are one number on one row: an article, an hour, a count.
        Assert.InRange(rows.Count - rowsBefore, 0, 1);
        Assert.All(rows, r => Assert.Equal(TimeSpan.FromHours(r.Hour.Hour), r.Hour.TimeOfDay));
    }

    [Fact]
    public async Task HeadCrawlersRevalidationsRedirectsAndMissingArticlesAreNotReads()
    {
        var (id, url) = await factory.StoryAsync("en", skip: 3);
        var reader = factory.CreateReader();
        var first = await GetAsync(reader, url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var before = await factory.StoredReadsAsync(id);

        using (var head = new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative)))
        {
            await reader.SendAsync(head);
        }

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(reader, url, r => r.Headers.UserAgent.ParseAdd("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(reader, url, r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!))).StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await GetAsync(reader, $"/en/a/an-old-slug/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(reader, "/en/a/no-such-story/987654")).StatusCode);

        Assert.Equal(before, await factory.StoredReadsAsync(id));
    }

    [Fact]
    public async Task TheTextOnlyPageIsARead()
    {
        var (id, url) = await factory.StoryAsync("fa");
        var before = await factory.StoredReadsAsync(id);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(factory.CreateReader(), url + "/lite")).StatusCode);

        Assert.Equal(before + 1, await factory.StoredReadsAsync(id));
    }

    [Fact]
    public async Task AnEditorsPreviewIsNotARead()
    {
        var (id, _) = await factory.StoryAsync("en", skip: 4);
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var before = await factory.StoredReadsAsync(id);

        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync(new Uri($"/en/preview/{id}", UriKind.Relative))).StatusCode);

        Assert.Equal(before, await factory.StoredReadsAsync(id));
    }

    [Fact]
    public async Task CountsSurviveANewHostOnTheSameDatabase()
    {
        var (id, url) = await factory.StoryAsync("uk", skip: 1);
        var before = await factory.StoredReadsAsync(id);

        await using (var first = factory.WithWebHostBuilder(_ => { }))
        {
            var reader = first.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }

        // The first host wrote its reads on its way out; a new host reads them from the database.
        await using var second = factory.WithWebHostBuilder(_ => { });
        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Data.NewsPortalDbContext>();
        Assert.Equal(before + 2, await db.ReadCounts.Where(r => r.ArticleId == id).SumAsync(r => r.Count));
    }
}
