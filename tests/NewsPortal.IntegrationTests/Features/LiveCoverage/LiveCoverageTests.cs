using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Areas.Editor;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Features.LiveCoverage;

/// <summary>Live coverage as readers and the desk see it: a lead story, then timestamped updates, newest first.</summary>
[Collection(LiveCoverageCollection.Name)]
public class LiveCoverageTests(LiveCoverageFactory factory)
{
    private static readonly HtmlParser Parser = new();

    private async Task<string> TextAsync(string url)
    {
        var response = await factory.CreateReader().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A new published article opened as live coverage from its desk; its reader URL.</summary>
    private async Task<(EditorSession Editor, int Id, string Url)> OpenCoverageAsync(string edition = "en")
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var headline = $"Storm reaches the northern coast {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/new?edition={edition}", "form.editor-form", ArticleWorkflowTests.Fields(headline, "Publish"))).StatusCode);
        var article = await factory.QueryAsync(db => db.Articles.Include(a => a.Edition).SingleAsync(a => a.Headline == headline));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{article.Id}/live", $"form[action='/editor/articles/{article.Id}/live/open']", [])).StatusCode);
        return (editor, article.Id, $"/{article.Edition.Code}/a/{Uri.EscapeDataString(article.Slug)}/{article.Id}");
    }

    private static Task<HttpResponseMessage> PostUpdateAsync(EditorSession editor, int id, Dictionary<string, string> fields, (string Name, string FileName, byte[] Content)? file = null) =>
        editor.PostFormAsync($"/editor/articles/{id}/live", $"form[action='/editor/articles/{id}/live/updates']", fields, file);

    private static Dictionary<string, string> Update(string body, string? title = null, bool pin = false, string? source = null)
    {
        var fields = new Dictionary<string, string> { ["Body"] = body };
        if (title is not null)
        {
            fields["Title"] = title;
        }

        if (pin)
        {
            fields["Pin"] = "true";
        }

        if (source is not null)
        {
            fields["Sources"] = source;
        }

        return fields;
    }

    [Fact]
    public async Task TheDemoCoverageShowsItsLiveLabelKeyUpdatesAndNewestUpdateFirstInEnglishAndPersian()
    {
        foreach (var (edition, live) in new[] { ("en", "Live"), ("fa", "زنده") })
        {
            var url = await factory.ArticleUrlAsync(edition, a => a.IsLiveCoverage);
            var page = Parser.ParseDocument(await TextAsync(url));

            Assert.Equal(live, page.QuerySelector(".live .live-label")!.TextContent.Trim());
            Assert.Equal(3, page.QuerySelectorAll(".live__key li").Length);
            var ids = page.QuerySelectorAll(".live-update").Select(u => long.Parse(u.Id!["update-".Length..], CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(12, ids.Count);
            Assert.Equal(ids.OrderByDescending(i => i), ids);
            Assert.NotNull(page.QuerySelector(".live-update__correction"));
            Assert.NotNull(page.QuerySelector(".quote-card blockquote"));
        }

        // The two coverages are translations of each other.
        var english = Parser.ParseDocument(await TextAsync(await factory.ArticleUrlAsync("en", a => a.IsLiveCoverage)));
        Assert.Contains(english.QuerySelectorAll(".article__translations a"), a => a.GetAttribute("hreflang") == "fa");
    }

    [Fact]
    public async Task AnUpdateIsCreditedToThePeopleChosenOrToThePersonThePosterWritesAs()
    {
        var (editor, id, url) = await OpenCoverageAsync("ru");
        await factory.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == editor.Email);
            (await db.People.SingleAsync(p => p.Slug == "olga-egorova")).UserId = user.Id;
            return await db.SaveChangesAsync();
        });

        var chosen = Update("Спасатели вывезли ещё сто человек.");
        chosen["Contributors[0].Person"] = "ivan-gromov";
        chosen["Contributors[0].Role"] = "Reporting";
        chosen["Contributors[1].Person"] = "andrei-sokolov";
        chosen["Contributors[1].Role"] = "Translation";
        Assert.Equal(HttpStatusCode.Redirect, (await PostUpdateAsync(editor, id, chosen)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostUpdateAsync(editor, id, Update("Вода начала отступать."))).StatusCode);

        var page = Parser.ParseDocument(await TextAsync(url));
        var bylines = page.QuerySelectorAll(".live-update__author").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal("Текст: Ольга Егорова", bylines[0]);
        Assert.Equal("Репортаж: Иван Громов; перевод: Андрей Соколов", bylines[1]);

        // A person who is not on the list is refused, with the text kept.
        var stranger = Update("Текст, который нельзя потерять.");
        stranger["Contributors[0].Person"] = "nobody-by-that-name";
        var refused = await PostUpdateAsync(editor, id, stranger);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Текст, который нельзя потерять.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostedUpdateIsOnTheCachedPageTheNoticeAndTheFeedWithinOneSecond()
    {
        var (editor, id, url) = await OpenCoverageAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await PostUpdateAsync(editor, id, Update("The first sandbags are in place."))).StatusCode);
        var first = Parser.ParseDocument(await TextAsync(url));
        var newest = first.QuerySelector("[data-live-notice]")!.GetAttribute("data-newest")!;
        var newer = $"{url}/updates/after/{newest}";
        Assert.Equal("0", Parser.ParseDocument(await TextAsync(newer)).QuerySelector(".live__new")!.GetAttribute("data-count"));
        await TextAsync($"{url}/feed/atom");

        var token = Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Redirect, (await PostUpdateAsync(editor, id, Update($"Ferries are cancelled until morning {token}."))).StatusCode);
        var watch = Stopwatch.StartNew();
        var page = await TextAsync(url);
        var elapsed = watch.Elapsed;

        Assert.Contains(token, page, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"the page showed the update {elapsed.TotalMilliseconds} ms after the post was acknowledged");
        var fragment = Parser.ParseDocument(await TextAsync(newer)).QuerySelector(".live__new")!;
        Assert.Equal("1", fragment.GetAttribute("data-count"));
        Assert.Equal("Show 1 new update", fragment.GetAttribute("data-notice"));
        Assert.Contains(token, fragment.TextContent, StringComparison.Ordinal);
        Assert.Contains(token, await TextAsync($"{url}/feed/atom"), StringComparison.Ordinal);
        Assert.Contains(token, await TextAsync($"{url}/lite"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongCoverageIsReadAPageAtATimeAndEveryUpdateKeepsItsAddress()
    {
        var (editor, id, url) = await OpenCoverageAsync();
        for (var i = 1; i <= 25; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostUpdateAsync(editor, id, Update($"Reading number {i} of the river gauge."))).StatusCode);
        }

        var ids = await factory.QueryAsync(db => db.LiveUpdates.Where(u => u.ArticleId == id).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync());
        var page = Parser.ParseDocument(await TextAsync(url));
        Assert.Equal(20, page.QuerySelectorAll(".live-update").Length);
        Assert.Contains("Reading number 25 ", page.QuerySelector(".live-update")!.TextContent, StringComparison.Ordinal);
        var earlier = page.QuerySelector(".live__earlier a")!.GetAttribute("href")!;
        Assert.Equal($"{url}/updates/{ids[4]}#update-{ids[4]}", earlier);

        var older = Parser.ParseDocument(await TextAsync(earlier.Split('#')[0]));
        Assert.Equal(5, older.QuerySelectorAll(".live-update").Length);
        Assert.Null(older.QuerySelector(".live__earlier"));

        // An update's own address starts its page with it, however many updates follow.
        Assert.Equal(HttpStatusCode.Redirect, (await PostUpdateAsync(editor, id, Update("Reading number 26 of the river gauge."))).StatusCode);
        var permanent = Parser.ParseDocument(await TextAsync($"{url}/updates/{ids[9]}"));
        Assert.Equal($"update-{ids[9]}", permanent.QuerySelector(".live-update")!.Id);

        var reader = factory.CreateReader();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri($"{url}/updates/987654321", UriKind.Relative))).StatusCode);
        var demo = await factory.QueryAsync(db => db.LiveUpdates.Where(u => u.ArticleId != id).Select(u => u.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri($"{url}/updates/{demo}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TheTextOnlyPageCarriesTheNewestUpdatesUnder15KilobytesAndPagesOnInText()
    {
        foreach (var edition in new[] { "en", "fa" })
        {
            var url = await factory.ArticleUrlAsync(edition, a => a.IsLiveCoverage);
            var response = await factory.CreateReader().GetAsync(new Uri(url + "/lite", UriKind.Relative));
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var page = Parser.ParseDocument(System.Text.Encoding.UTF8.GetString(bytes));

            Assert.True(bytes.Length < 15 * 1024, $"{edition}: {bytes.Length} bytes");
            Assert.Equal(NewsPortal.Web.Views.LitePageStyle.UpdatesPerPage, page.QuerySelectorAll("main section[id^='update-']").Length);
            var earlier = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("/updates/", StringComparison.Ordinal));
            Assert.EndsWith("/lite", earlier, StringComparison.Ordinal);
            var older = Parser.ParseDocument(await TextAsync(earlier));
            Assert.Equal(12 - NewsPortal.Web.Views.LitePageStyle.UpdatesPerPage, older.QuerySelectorAll("main section[id^='update-']").Length);
        }
    }

    [Fact]
    public async Task StructuredDataIsALiveBlogPostingWithItsUpdatesAndItsEndTimeOnceEnded()
    {
        var (editor, id, url) = await OpenCoverageAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await PostUpdateAsync(editor, id, Update("Winds reach 110 km/h at the lighthouse \"</script><b>\".", title: "Gusts peak"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostUpdateAsync(editor, id, Update("The coastguard has closed the harbour."))).StatusCode);

        var data = JsonLd(await TextAsync(url));
        Assert.Equal("LiveBlogPosting", data.GetProperty("@type").GetString());
        Assert.True(data.TryGetProperty("coverageStartTime", out _));
        Assert.False(data.TryGetProperty("coverageEndTime", out _));
        var updates = data.GetProperty("liveBlogUpdate").EnumerateArray().ToList();
        Assert.Equal(2, updates.Count);
        Assert.All(updates, u => Assert.Equal("BlogPosting", u.GetProperty("@type").GetString()));
        Assert.Equal("Gusts peak", updates[1].GetProperty("headline").GetString());
        Assert.Contains("</script><b>", updates[1].GetProperty("articleBody").GetString(), StringComparison.Ordinal);
        Assert.Contains("#update-", updates[0].GetProperty("url").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{id}/live", $"form[action='/editor/articles/{id}/live/end']", [])).StatusCode);
        var ended = await TextAsync(url);
        Assert.True(JsonLd(ended).TryGetProperty("coverageEndTime", out _));
        Assert.Equal("Coverage ended", Parser.ParseDocument(ended).QuerySelector(".live .live-label")!.TextContent.Trim());
        Assert.Null(Parser.ParseDocument(ended).QuerySelector("[data-live-notice]"));

        // Ended coverage takes no more updates: refused with the text kept in the form.
        var refused = await editor.PostFieldsAsync($"/editor/articles/{id}/live/updates", [new("Body", "Too late for the desk."), new("__RequestVerificationToken", await TokenAsync(editor, id))]);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task TheBreakingBannerLeadsToOpenCoverageUntilItEnds()
    {
        var (editor, id, url) = await OpenCoverageAsync();
        var banner = Parser.ParseDocument(await TextAsync("/en/s/business")).QuerySelector(".breaking-banner")!;
        Assert.Equal("Live", banner.QuerySelector(".breaking-banner__label")!.TextContent.Trim());
        Assert.EndsWith($"/{id}", banner.QuerySelector("a")!.GetAttribute("href")!, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{id}/live", $"form[action='/editor/articles/{id}/live/end']", [])).StatusCode);
        var after = Parser.ParseDocument(await TextAsync("/en/s/business")).QuerySelector(".breaking-banner a")?.GetAttribute("href") ?? "";
        Assert.False(after.EndsWith($"/{id}", StringComparison.Ordinal), "the banner still leads to ended coverage");
        Assert.Equal("Coverage ended", Parser.ParseDocument(await TextAsync(url)).QuerySelector(".live .live-label")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheDashboardLeadsEditorsButNotWritersToTheDeskOfOpenCoverage()
    {
        var (editor, id, _) = await OpenCoverageAsync();
        var desk = $"a[href='/editor/articles/{id}/live']";
        Assert.NotNull((await editor.GetDocumentAsync("/editor")).QuerySelector(desk));

        var writer = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);
        Assert.Null((await writer.GetDocumentAsync("/editor")).QuerySelector(desk));

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{id}/live", $"form[action='/editor/articles/{id}/live/end']", [])).StatusCode);
        Assert.Null((await editor.GetDocumentAsync("/editor")).QuerySelector(desk));
    }

    [Fact]
    public async Task AnEditorsPreviewShowsTheUpdatesWithoutTheNewUpdatesNotice()
    {
        var (editor, id, _) = await OpenCoverageAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await PostUpdateAsync(editor, id, Update("The pumps are running again."))).StatusCode);

        var preview = await editor.GetDocumentAsync($"/en/preview/{id}");

        Assert.Contains("The pumps are running again.", preview.QuerySelector(".live-update")!.TextContent, StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("[data-live-notice]"));
        Assert.Null(preview.QuerySelector("script[src*='live-updates']"));
    }

    [Fact]
    public async Task SeveralEditorsPostingAtOnceLoseNothing()
    {
        var (first, id, _) = await OpenCoverageAsync();
        var second = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var posts = Enumerable.Range(0, 8).SelectMany(i => new[]
        {
            PostUpdateAsync(first, id, Update($"First desk note {i}.")),
            PostUpdateAsync(second, id, Update($"Second desk note {i}.")),
        });

        var results = await Task.WhenAll(posts);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(16, await factory.QueryAsync(db => db.LiveUpdates.CountAsync(u => u.ArticleId == id)));
        Assert.Equal(16, await factory.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == AuditActions.LiveUpdatePosted && a.Target!.StartsWith($"article {id} "))));
    }

    [Fact]
    public async Task AnUpdateThatFailsItsChecksIsRefusedWithTheTextKept()
    {
        var (editor, id, _) = await OpenCoverageAsync();
        var emptyLink = await PostUpdateAsync(editor, id, Update("See the map [](https://example.org/map) for the closed roads."));
        Assert.Equal(HttpStatusCode.BadRequest, emptyLink.StatusCode);
        var page = Parser.ParseDocument(await emptyLink.Content.ReadAsStringAsync());
        Assert.Contains("for the closed roads", page.QuerySelector("#Body")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".problems"));

        var noAlt = await PostUpdateAsync(editor, id, Update("The harbour from the air."), ("picture", "harbour.png", ImageUploadTests.Picture(SkiaSharp.SKEncodedImageFormat.Png, 64, 36)));
        Assert.Equal(HttpStatusCode.BadRequest, noAlt.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.LiveUpdates.CountAsync(u => u.ArticleId == id)));
    }

    [Fact]
    public async Task AnUpdateWithAPictureAndHostileMarkupIsShownSafely()
    {
        var (editor, id, url) = await OpenCoverageAsync();
        var fields = Update("<script>alert(1)</script> Waves over the **sea wall**.", source: "reuters");
        fields["AltText"] = "Waves breaking over a concrete sea wall";
        Assert.Equal(HttpStatusCode.Redirect, (await PostUpdateAsync(editor, id, fields, ("picture", "waves.png", ImageUploadTests.Picture(SkiaSharp.SKEncodedImageFormat.Png, 640, 360)))).StatusCode);

        var page = await TextAsync(url);
        var update = Parser.ParseDocument(page).QuerySelector(".live-update")!;
        Assert.Null(update.QuerySelector("script"));
        Assert.Equal("sea wall", update.QuerySelector("strong")!.TextContent);
        var image = update.QuerySelector("img")!;
        Assert.Equal("Waves breaking over a concrete sea wall", image.GetAttribute("alt"));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateReader().GetAsync(new Uri(image.GetAttribute("src")!, UriKind.Relative))).StatusCode);
        Assert.Contains("Reuters", update.QuerySelector(".live-update__sources")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACorrectionShowsItsNoteAndTheAuditKeepsTheOldText()
    {
        var (editor, id, url) = await OpenCoverageAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await PostUpdateAsync(editor, id, Update("About 300 homes are without power."))).StatusCode);
        var updateId = await factory.QueryAsync(db => db.LiveUpdates.Where(u => u.ArticleId == id).Select(u => u.Id).SingleAsync());
        var form = $"/editor/articles/{id}/live/updates/{updateId}";
        var stale = await editor.ReadFormAsync(form, "form.editor-form");

        var corrected = await editor.PostFormAsync(form, "form.editor-form", new() { ["Body"] = "About 3,000 homes are without power.", ["CorrectionNote"] = "The number of homes was 3,000, not 300." });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);

        var update = Parser.ParseDocument(await TextAsync(url)).QuerySelector(".live-update")!;
        Assert.Contains("3,000 homes", update.TextContent, StringComparison.Ordinal);
        Assert.Contains("The number of homes was 3,000, not 300.", update.QuerySelector(".live-update__correction")!.TextContent, StringComparison.Ordinal);
        var audit = await factory.QueryAsync(db => db.AuditLog.SingleAsync(a => a.Action == AuditActions.LiveUpdateCorrected && a.Target!.StartsWith($"article {id} ")));
        Assert.Contains("About 300 homes", audit.Detail, StringComparison.Ordinal);

        // A second correction started before the first was published is refused, the person's text kept.
        stale["Body"] = "About 30 homes are without power.";
        stale["CorrectionNote"] = "Fewer homes.";
        var conflict = await editor.PostFieldsAsync(form, stale);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("About 30 homes", Parser.ParseDocument(await conflict.Content.ReadAsStringAsync()).QuerySelector("#Body")!.TextContent, StringComparison.Ordinal);

        // A correction says what was corrected.
        var noNote = await editor.PostFormAsync(form, "form.editor-form", new() { ["Body"] = "About 3,100 homes are without power.", ["CorrectionNote"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
    }

    [Fact]
    public async Task ARemovedUpdateLeavesItsReasonForReadersAndItsTextInTheAudit()
    {
        var (editor, id, url) = await OpenCoverageAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await PostUpdateAsync(editor, id, Update("A resident named the street where the rescue team is working.", pin: true))).StatusCode);
        var updateId = await factory.QueryAsync(db => db.LiveUpdates.Where(u => u.ArticleId == id).Select(u => u.Id).SingleAsync());
        Assert.Single(Parser.ParseDocument(await TextAsync(url)).QuerySelectorAll(".live__key li"));

        var removeForm = $"form[action='/editor/articles/{id}/live/updates/{updateId}/remove']";
        var noReason = await editor.PostFormAsync($"/editor/articles/{id}/live", removeForm, new() { ["reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{id}/live", removeForm, new() { ["reason"] = "It could put the rescue team's location at risk." })).StatusCode);

        var page = Parser.ParseDocument(await TextAsync(url));
        var removed = page.QuerySelector($"#update-{updateId}")!;
        Assert.Contains("It could put the rescue team's location at risk.", removed.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("named the street", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".live__key li"));
        var audit = await factory.QueryAsync(db => db.AuditLog.SingleAsync(a => a.Action == AuditActions.LiveUpdateRemoved && a.Target!.StartsWith($"article {id} ")));
        Assert.Contains("named the street", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyEditorsPostAndEveryPostNeedsItsAntiforgeryToken()
    {
        var (editor, id, _) = await OpenCoverageAsync();
        var writer = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);
        var asWriter = await writer.PostFieldsAsync($"/editor/articles/{id}/live/updates", [new("Body", "A writer's note.")]);
        // A writer is sent to the access-denied page, never back to the desk.
        Assert.DoesNotContain("/live", asWriter.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Null((await writer.GetDocumentAsync($"/editor/articles/{id}/live")).QuerySelector("form[action$='/live/updates']"));

        var noToken = await editor.PostFieldsAsync($"/editor/articles/{id}/live/updates", [new("Body", "Without a token.")]);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.LiveUpdates.CountAsync(u => u.ArticleId == id)));
    }

    private static async Task<string> TokenAsync(EditorSession editor, int id) =>
        (await editor.ReadFormAsync($"/editor/articles/{id}/live", $"form[action='/editor/articles/{id}/live/open']"))["__RequestVerificationToken"];

    private static JsonElement JsonLd(string html) =>
        JsonDocument.Parse(Parser.ParseDocument(html).QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
}
