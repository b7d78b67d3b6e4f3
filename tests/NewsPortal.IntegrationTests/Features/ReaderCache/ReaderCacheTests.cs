using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Areas.Editor;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editing;
using NewsPortal.Web.Features.ReaderCache;

namespace NewsPortal.IntegrationTests.Features.ReaderCache;

/// <summary>
/// The reader cache seen from outside: pages come from the cache until something they show changes, and
/// then the next reader sees the change. A response served from the cache carries an <c>Age</c> header.
/// </summary>
[Collection(ReaderCacheCollection.Name)]
public class ReaderCacheTests(ReaderCacheFactory factory)
{
    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private static string Token() => "zq" + Guid.NewGuid().ToString("N")[..10];

    private async Task<HttpResponseMessage> GetAsync(string url, HttpClient? client = null) =>
        await (client ?? factory.CreateReader()).GetAsync(new Uri(url, UriKind.Relative));

    private async Task<string> TextAsync(string url, HttpClient? client = null)
    {
        var response = await GetAsync(url, client);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// Requests a page until the answer comes from the cache. An earlier save's second eviction
    /// (<see cref="ReaderCacheInvalidation.SecondEvictionDelay"/> after it) may empty the cache once meanwhile.
    /// </summary>
    private async Task WarmAsync(params string[] urls)
    {
        foreach (var url in urls)
        {
            var cached = false;
            for (var attempt = 0; attempt < 3 && !cached; attempt++)
            {
                Assert.Equal(HttpStatusCode.OK, (await GetAsync(url)).StatusCode);
                cached = FromCache(await GetAsync(url));
                if (!cached)
                {
                    await Task.Delay(ReaderCacheInvalidation.SecondEvictionDelay);
                }
            }

            Assert.True(cached, $"{url} was not served from the cache");
        }
    }

    /// <summary>Lets the second eviction of an earlier save pass, before checking what the cache holds.</summary>
    private static Task SettleAsync() => Task.Delay(ReaderCacheInvalidation.SecondEvictionDelay + TimeSpan.FromMilliseconds(200));

    private Task<Article> ArticleAsync(string headlinePart) =>
        factory.QueryAsync(db => db.Articles.Include(a => a.Section).Include(a => a.Sources).ThenInclude(s => s.Source)
            .SingleAsync(a => a.Headline.Contains(headlinePart)));

    private static string Url(Article article, string edition = "en") => $"/{edition}/a/{article.Slug}/{article.Id}";

    private async Task<(EditorSession Editor, Article Article)> PublishAsync(string edition, string headline, string command = "Publish", Action<Dictionary<string, string>>? change = null)
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var fields = ArticleWorkflowTests.Fields(headline, command, reporting: "tass");
        change?.Invoke(fields);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/new?edition={edition}", "form.editor-form", fields)).StatusCode);
        return (editor, await ArticleAsync(headline));
    }

    [Fact]
    public async Task PublishingIsVisibleOnEveryCachedListWithinOneSecond()
    {
        var token = Token();
        var tassPage = "/en/source/tass";
        var lists = new[] { "/en", tassPage, "/en/feed", "/en/feed/atom", "/en/source/tass/feed", "/sitemap.xml", "/sitemaps/en/articles-1.xml", "/sitemaps/en/news.xml", $"/en/search?q={token}" };
        var section = await factory.QueryAsync(db => db.Sections.Where(s => s.Edition.Code == "en").OrderBy(s => s.Order).Select(s => s.Slug).FirstAsync());
        await WarmAsync([.. lists, $"/en/s/{section}", $"/en/s/{section}/feed"]);

        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var headline = $"Ferry timetable returns to summer hours {token}";
        var published = await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", ArticleWorkflowTests.Fields(headline, "Publish", reporting: "tass"));
        var watch = Stopwatch.StartNew();
        var front = await TextAsync("/en");
        var elapsed = watch.Elapsed;
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var article = await ArticleAsync(headline);

        Assert.Contains(token, front, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"the front page showed the story {elapsed.TotalMilliseconds} ms after the publish was acknowledged");
        foreach (var url in lists.Append($"/en/s/{article.Section.Slug}").Append($"/en/s/{article.Section.Slug}/feed").Where(u => !u.StartsWith("/sitemap", StringComparison.Ordinal)))
        {
            Assert.Contains(token, await TextAsync(url), StringComparison.Ordinal);
        }

        Assert.Contains($"/en/a/{article.Slug}/{article.Id}", await TextAsync("/sitemaps/en/articles-1.xml"), StringComparison.Ordinal);
        Assert.Contains($"/en/a/{article.Slug}/{article.Id}", await TextAsync("/sitemaps/en/news.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditingAPublishedStoryEvictsItsPagesAndItsTranslationsLanguageLinks()
    {
        var (original, translation) = await factory.QueryAsync(async db =>
        {
            var articles = await db.Articles.Include(a => a.Edition)
                .Where(a => a.Status == ArticleStatus.Published && a.TranslationGroupId != null).ToListAsync();
            var en = articles.First(a => a.Edition.Code == "en" && articles.Any(t => t.TranslationGroupId == a.TranslationGroupId && t.Edition.Code == "ru"));
            return (en, articles.First(t => t.TranslationGroupId == en.TranslationGroupId && t.Edition.Code == "ru"));
        });
        var translationUrl = Url(translation, "ru");
        await WarmAsync(Url(original), Url(original) + "/lite", translationUrl, translationUrl + "/lite");

        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var lead = $"A revised summary of the story {Token()}.";
        var slug = "revised-" + Token();
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{original.Id}", "form.editor-form", new() { ["Lead"] = lead, ["Slug"] = slug, ["command"] = "Publish" })).StatusCode);

        var stale = await GetAsync(Url(original));
        Assert.Equal(HttpStatusCode.MovedPermanently, stale.StatusCode);
        Assert.Contains(lead, await TextAsync($"/en/a/{slug}/{original.Id}"), StringComparison.Ordinal);
        Assert.Contains(lead, await TextAsync($"/en/a/{slug}/{original.Id}/lite"), StringComparison.Ordinal);
        Assert.Contains($"/en/a/{slug}/{original.Id}", await TextAsync(translationUrl), StringComparison.Ordinal);
        Assert.Contains($"/en/a/{slug}/{original.Id}", await TextAsync(translationUrl + "/lite"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnpublishingTakesTheStoryOffItsCachedPages()
    {
        var token = Token();
        var (editor, article) = await PublishAsync("en", $"Tram depot opens to visitors {token}");
        await WarmAsync(Url(article), "/en");

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["command"] = "Unpublish" })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Url(article))).StatusCode);
        Assert.DoesNotContain(token, await TextAsync("/en"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishingRetaggingAndUnpublishingAStoryEvictItsTagPagesAndFeeds()
    {
        var token = Token();
        var floods = new[] { "/en/tag/floods", "/en/tag/floods/feed", "/en/tag/floods/feed/atom", "/sitemaps/en/tags.xml" };
        await WarmAsync(floods);

        // Publishing a story with an existing tag: the tag's cached page and feeds show it at once.
        var (editor, article) = await PublishAsync("en", $"Flood barrier tested at Marisk {token}", change: f => f["Tags"] = "Floods");
        foreach (var url in floods.Take(3))
        {
            Assert.Contains(token, await TextAsync(url), StringComparison.Ordinal);
        }

        // Taking the tag off (for another) leaves the old tag's pages and lists it on the new one's.
        await SettleAsync();
        await WarmAsync(floods[0], floods[1]);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["Tags"] = $"Barriers {token}", ["command"] = "Publish" })).StatusCode);
        Assert.DoesNotContain(token, await TextAsync(floods[0]), StringComparison.Ordinal);
        Assert.DoesNotContain(token, await TextAsync(floods[1]), StringComparison.Ordinal);
        var barriers = $"/en/tag/barriers-{token}";
        Assert.Contains(token, await TextAsync(barriers), StringComparison.Ordinal);
        Assert.Contains(barriers, await TextAsync(Url(await ArticleAsync(token))), StringComparison.Ordinal);

        // Unpublishing takes it off the tag page it is on.
        await SettleAsync();
        await WarmAsync(barriers, barriers + "/feed");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["command"] = "Unpublish" })).StatusCode);
        Assert.DoesNotContain($"Flood barrier tested at Marisk {token}", await TextAsync(barriers), StringComparison.Ordinal);
        Assert.DoesNotContain($"Flood barrier tested at Marisk {token}", await TextAsync(barriers + "/feed"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACorrectionShowsOnTheCachedArticleAndCorrectionsPage()
    {
        var (editor, article) = await PublishAsync("en", $"Bridge inspection finds loose bolts {Token()}");
        await WarmAsync(Url(article), Url(article) + "/lite", "/en/corrections", "/en/corrections/feed");

        var text = $"An earlier version gave the wrong bridge {Token()}.";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}", "form[action$='/corrections']", new() { ["text"] = text })).StatusCode);

        foreach (var url in new[] { Url(article), Url(article) + "/lite", "/en/corrections", "/en/corrections/feed" })
        {
            Assert.Contains(text, await TextAsync(url), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SchedulingAndTheSchedulerPublishingEvictTheFrontPage()
    {
        var token = Token();
        await WarmAsync("/ru");
        var (_, article) = await PublishAsync("ru", $"Schedule test {token}", "Schedule", fields =>
            fields["PublishAt"] = DateTime.UtcNow.AddHours(2).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ArticleStatus.Scheduled, article.Status);
        Assert.False(FromCache(await GetAsync("/ru")), "scheduling a story evicts the front page, whose lifetime it now limits");
        Assert.DoesNotContain(token, await TextAsync("/ru"), StringComparison.Ordinal);

        await factory.QueryAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Articles\" SET \"ScheduledAt\" = {DateTime.UtcNow.AddMinutes(-1)} WHERE \"Id\" = {article.Id}"));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PublishDueArticles>().ExecuteAsync(default) >= 1);
        }

        Assert.Contains(token, await TextAsync("/ru"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Url(article, "ru"))).StatusCode);
    }

    [Fact]
    public async Task APageWithABreakingBannerLivesNoLongerThanTheBanner()
    {
        var token = Token();
        var (_, article) = await PublishAsync("uk", $"Breaking test {token}");
        var until = DateTime.UtcNow.AddSeconds(4);
        await factory.QueryAsync(async db =>
        {
            var tracked = await db.Articles.SingleAsync(a => a.Id == article.Id);
            tracked.MarkBreakingUntil(until);
            return await db.SaveChangesAsync();
        });
        await SettleAsync();

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await TextAsync("/uk/source/tass"));
        Assert.Contains(token, page.QuerySelector(".breaking-banner")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.True(FromCache(await GetAsync("/uk/source/tass")));

        await Task.Delay(until - DateTime.UtcNow + TimeSpan.FromMilliseconds(300));
        var after = await GetAsync("/uk/source/tass");
        Assert.False(FromCache(after), "the cached page outlived its breaking banner");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await after.Content.ReadAsStringAsync());
        Assert.DoesNotContain(token, document.QuerySelector(".breaking-banner")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenamingASourceEvictsTheArticlesThatCreditIt()
    {
        var (_, article) = await PublishAsync("en", $"Grain convoy reaches the coast {Token()}");
        await WarmAsync(Url(article), "/en/source/tass", "/en/feed");

        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin);
        var name = "TASS " + Token();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/editor/setup", "form[action='/editor/setup/sources/tass']", new() { ["ShortName"] = name })).StatusCode);

        Assert.Contains(name, await TextAsync(Url(article)), StringComparison.Ordinal);
        Assert.Contains(name, await TextAsync("/en/source/tass"), StringComparison.Ordinal);
        Assert.Contains(name, await TextAsync("/en/feed"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenamingASectionEvictsTheNavigationOfTheEditionsPages()
    {
        var article = await factory.QueryAsync(db => db.Articles.Include(a => a.Edition).FirstAsync(a => a.Edition.Code == "fa" && a.Status == ArticleStatus.Published));
        var section = await factory.QueryAsync(db => db.Sections.Include(s => s.Edition).FirstAsync(s => s.Edition.Code == "fa"));
        await WarmAsync("/fa", Url(article, "fa"));

        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin);
        var name = "بخش " + Token();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/editor/setup", $"form[action='/editor/setup/sections/{section.Id}/rename']", new() { ["name"] = name })).StatusCode);

        Assert.Contains(name, await TextAsync("/fa"), StringComparison.Ordinal);
        Assert.Contains(name, await TextAsync(Url(article, "fa")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestoringARevisionOfAPublishedStoryEvictsItsPageWhenItGoesLive()
    {
        var (editor, article) = await PublishAsync("en", $"Library extends opening hours {Token()}", change: f => f["Body"] = "The first wording of the story.");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["Body"] = "The second wording of the story.", ["command"] = "Publish" })).StatusCode);
        await WarmAsync(Url(article));
        Assert.Contains("The second wording", await TextAsync(Url(article)), StringComparison.Ordinal);

        var first = await factory.QueryAsync(db => db.Revisions.Where(r => r.ArticleId == article.Id).OrderBy(r => r.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}/revisions/{first.Id}", "form[action$='/restore']", [])).StatusCode);

        // On a live story the restored version waits for review; readers see it once it is put live.
        Assert.Contains("The second wording", await TextAsync(Url(article)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}", "form.editor-form", new() { ["command"] = "UpdateLive" })).StatusCode);
        Assert.Contains("The first wording", await TextAsync(Url(article)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenamingAnEditionEvictsTheLanguageListOfEveryEdition()
    {
        await WarmAsync("/en", "/fa");
        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin);
        var name = "Українська " + Token();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/editor/setup", "form[action='/editor/setup/editions/uk']", new() { ["NativeName"] = name })).StatusCode);

        Assert.Contains(name, await TextAsync("/en"), StringComparison.Ordinal);
        Assert.Contains(name, await TextAsync("/fa"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInEditorsAreNeitherServedFromNorStoredInTheCache()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        await WarmAsync("/en");
        var signedIn = await GetAsync("/en", editor.Client);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.False(FromCache(signedIn));

        // A page an editor opened first is not stored for readers.
        await SettleAsync();
        var url = "/en/corrections";
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(url, editor.Client)).StatusCode);
        Assert.False(FromCache(await GetAsync(url)));
        Assert.True(FromCache(await GetAsync(url)));
    }

    [Fact]
    public async Task TheEditorAreaIsNeverCached()
    {
        var client = EditorSession.NewClient(factory);
        await GetAsync("/editor/login", client);
        var second = await GetAsync("/editor/login", client);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(FromCache(second));
        Assert.Null(second.Headers.ETag);
    }

    [Fact]
    public async Task AForgedHostHeaderIsRefused()
    {
        var client = factory.CreateReader();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/en");
        request.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task EvenWithEveryHostAllowedAForgedHostNeverReachesAPageFeedSitemapOrRedirect()
    {
        await using var open = factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) =>
            c.AddInMemoryCollection(new Dictionary<string, string?> { ["AllowedHosts"] = "*" })));
        var client = open.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://evil.example") });
        var article = await factory.QueryAsync(db => db.Articles.Include(a => a.Edition).FirstAsync(a => a.Edition.Code == "en" && a.Status == ArticleStatus.Published && a.TranslationGroupId != null && a.LeadImageId != null));
        var urls = new[]
        {
            Url(article), Url(article) + "/lite", "/en", "/en/feed", "/en/feed/atom", "/en/corrections/feed",
            "/sitemap.xml", "/sitemaps/en/articles-1.xml", "/sitemaps/en/news.xml", "/robots.txt",
            $"/en/a/stale-slug/{article.Id}", "/", "/editor", "/editor/articles/new",
        };
        foreach (var url in urls)
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 400, $"{url} answered {response.StatusCode}");
            Assert.DoesNotContain("evil.example", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("evil.example", response.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("http://localhost/en/a/", await client.GetStringAsync(new Uri("/en/feed", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/en")]
    [InlineData("/en/feed")]
    [InlineData("/sitemap.xml")]
    public async Task AConditionalRequestForTheSameBytesAnswers304(string url)
    {
        var first = await GetAsync(url);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.NotNull(first.Content.Headers.LastModified);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        var revalidated = await factory.CreateReader().SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateReader().SendAsync(stale)).StatusCode);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, url);
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await factory.CreateReader().SendAsync(byDate)).StatusCode);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task PagesAreCompressedOnceAndServedCompressedFromTheCache(string coding)
    {
        var url = "/ru/feed";
        var plain = await (await GetAsync(url)).Content.ReadAsByteArrayAsync();
        async Task<HttpResponseMessage> CompressedAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.ParseAdd(coding == "br" ? "gzip, deflate, br" : "gzip");
            return await factory.CreateReader().SendAsync(request);
        }

        var first = await CompressedAsync();
        var second = await CompressedAsync();

        Assert.Equal(coding, Assert.Single(first.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", first.Headers.Vary);
        Assert.True(FromCache(second));
        Assert.Equal(coding, Assert.Single(second.Content.Headers.ContentEncoding));
        var bytes = await second.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length < plain.Length / 2, $"{bytes.Length} compressed bytes for {plain.Length}");
        await using Stream decoder = coding == "br" ? new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress) : new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await decoder.CopyToAsync(decoded);
        Assert.Equal(plain, decoded.ToArray());
        Assert.NotEqual((await GetAsync(url)).Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task SearchesThatDifferOnlyInSpacingShareOneCachedPage()
    {
        await SettleAsync();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/en/search?q=river%20delta")).StatusCode);
        var respaced = await GetAsync("/en/search?q=%20river%20%20%20delta%20");
        Assert.True(FromCache(respaced));
        Assert.Contains("value=\"river delta\"", await respaced.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(FromCache(await GetAsync("/en/search?q=river")));
    }

    [Fact]
    public async Task TrackingParametersDoNotMakeNewEntriesButPageNumbersDo()
    {
        await SettleAsync();
        await WarmAsync("/uk");
        Assert.True(FromCache(await GetAsync("/uk?utm_source=newsletter&ref=abc")));
        Assert.False(FromCache(await GetAsync("/uk?page=2")));
    }

    [Fact]
    public async Task WithTheCacheSwitchedOffEveryRequestRendersAndStillRevalidates()
    {
        await using var uncached = factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) =>
            c.AddInMemoryCollection(new Dictionary<string, string?> { ["OutputCache:Enabled"] = "false" })));
        var client = uncached.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.GetAsync(new Uri("/en", UriKind.Relative));
        var second = await client.GetAsync(new Uri("/en", UriKind.Relative));
        Assert.False(FromCache(second));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/en");
        request.Headers.IfNoneMatch.Add(second.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task TheStylesheetHasAFingerprintedUrlCachedForAYear()
    {
        var page = await TextAsync("/en");
        var href = System.Text.RegularExpressions.Regex.Match(page, "<link rel=\"stylesheet\" href=\"(/css/site\\.[a-z0-9]+\\.css)\"").Groups[1].Value;
        Assert.NotEmpty(href);

        var css = await GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", css.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(365), css.Headers.CacheControl?.MaxAge);
    }
}
