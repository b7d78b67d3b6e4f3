using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>Soft edit locks: who is editing is shown, read-only and take-over are offered, and nobody's text is lost.</summary>
[Collection(EditorAreaCollection.Name)]
public class EditLockTests(EditorAreaFactory factory)
{
    private static readonly HtmlParser Parser = new();

    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }

    /// <summary>A newsroom account with a display name of its own, signed in through <paramref name="client"/>.</summary>
    private async Task<EditorSession> SignInAsAsync(string role, string name, HttpClient? client = null)
    {
        var email = await EditorSession.CreateUserAsync(factory, role);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>();
            var user = await users.FindByEmailAsync(email);
            user!.DisplayName = name;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        var session = new EditorSession(client ?? EditorSession.NewClient(factory), email);
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(email, EditorSession.Password)).StatusCode);
        return session;
    }

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    private async Task<int> DraftAsync(EditorSession author, string headline)
    {
        var created = await author.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", ArticleWorkflowTests.Fields(headline, "Save", body: "The first text."));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.Id).SingleAsync());
    }

    private Task<EditLock?> LockAsync(int id) => factory.QueryAsync(db => db.EditLocks.AsNoTracking().SingleOrDefaultAsync(l => l.ArticleId == id));

    private Task<string> UserIdAsync(EditorSession session) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Email == session.Email).Select(u => u.Id).SingleAsync());

    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetAsync(EditorSession session, string url)
    {
        var response = await session.Client.GetAsync(new Uri(url, UriKind.Relative));
        return (response, await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    private static string Token(IHtmlDocument page) =>
        page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

    /// <summary>POSTs to one of the lock's addresses with the antiforgery token of a page the person has open.</summary>
    private static async Task<HttpResponseMessage> PostLockAsync(EditorSession session, int id, string action, string? token) =>
        await session.Client.PostAsync(new Uri($"/editor/articles/{id}/lock/{action}", UriKind.Relative),
            new FormUrlEncodedContent(token is null ? [] : [new KeyValuePair<string, string>("__RequestVerificationToken", token)]));

    private static async Task<JsonElement> HeartbeatAsync(EditorSession session, int id, string token)
    {
        var response = await PostLockAsync(session, id, "heartbeat", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static bool IsLockPage(IHtmlDocument page) => page.QuerySelector(".edit-lock__holder") is not null && page.QuerySelector("form.editor-form") is null;

    [Fact]
    public async Task OpeningAnArticleToEdit_TakesItsLockInThePersonsName()
    {
        var ana = await SignInAsAsync(NewsroomRoles.Editor, "Ana Lock");
        var id = await DraftAsync(ana, Unique("Ferry timetable changes"));

        // Saving the new article took its lock; opening it again keeps it and shows the person their own lock.
        Assert.Equal(await UserIdAsync(ana), (await LockAsync(id))!.HolderId);
        var (response, page) = await GetAsync(ana, $"/editor/articles/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#article-form"));
        Assert.NotNull(page.QuerySelector("#edit-lock form[action$='/lock/release'] button"));
        Assert.NotNull(page.QuerySelector("script[src*='/js/editor-lock']"));

        var held = (await LockAsync(id))!;
        Assert.Equal("Ana Lock", held.HolderName);
        Assert.True(held.IsActiveAt(DateTime.UtcNow));
    }

    [Fact]
    public async Task TheFormShownAgainAfterACreditButton_KeepsTheLockAndItsHeartbeat()
    {
        var ana = await SignInAsAsync(NewsroomRoles.Editor, "Ana Credits");
        var id = await DraftAsync(ana, Unique("Tram line extended"));

        var response = await ana.PostFormAsync($"/editor/articles/{id}", "form.editor-form", new() { ["CreditAction"] = "add", ["AddSourceCode"] = "afp", ["AddSourceRole"] = "Reporting" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("#edit-lock[data-lock-heartbeat]"));
        Assert.NotNull(page.QuerySelector("script[src*='/js/editor-lock']"));
    }

    [Fact]
    public async Task AColleagueOpeningALockedArticle_SeesWhoIsEditingSinceWhenWithReadOnlyAndTakeOver()
    {
        var ana = await SignInAsAsync(NewsroomRoles.Editor, "Ana Since");
        var bob = await SignInAsAsync(NewsroomRoles.Editor, "Bob Since");
        var id = await DraftAsync(ana, Unique("Library opens at night"));
        var since = (await LockAsync(id))!.Since;

        var (response, page) = await GetAsync(bob, $"/editor/articles/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(IsLockPage(page));
        Assert.Equal($"Ana Since has been editing since {since.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.", page.QuerySelector(".edit-lock__holder")!.TextContent.Trim());
        Assert.Equal($"/editor/articles/{id}?readOnly=true", page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Open read-only").GetAttribute("href"));
        var takeOver = page.QuerySelector($"form[action='/editor/articles/{id}/lock/take-over']")!;
        Assert.Equal("post", takeOver.GetAttribute("method"), ignoreCase: true);
        Assert.NotNull(takeOver.QuerySelector("input[name='__RequestVerificationToken']"));
        Assert.Equal("Take over editing", takeOver.QuerySelector("button[type='submit']")!.TextContent.Trim());

        // Looking did not take anything: the lock is still Ana's.
        Assert.Equal(await UserIdAsync(ana), (await LockAsync(id))!.HolderId);
    }

    [Fact]
    public async Task TheReadOnlyView_ShowsEveryFieldWithNoCommandAndTakesNoLock()
    {
        var ana = await SignInAsAsync(NewsroomRoles.Editor, "Ana Reads");
        var bob = await SignInAsAsync(NewsroomRoles.Editor, "Bob Reads");
        var headline = Unique("Grain port reopens");
        var id = await DraftAsync(ana, headline);

        var (response, page) = await GetAsync(bob, $"/editor/articles/{id}?readOnly=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Article (read-only)", page.QuerySelector("h1")!.TextContent.Trim());
        var form = page.QuerySelector("form.editor-form")!;
        Assert.Equal(headline, ((IHtmlInputElement)form.QuerySelector("#Headline")!).Value);
        Assert.Empty(form.QuerySelectorAll("button"));
        Assert.Null(form.QuerySelector("input[type='file']"));
        Assert.Null(page.QuerySelector("#article-form"));
        Assert.All(form.QuerySelectorAll("input:not([type='hidden']), textarea, select"),
            field => Assert.True(field.HasAttribute("readonly") || field.HasAttribute("disabled"), field.Id));
        Assert.StartsWith("Ana Reads has been editing since ", page.QuerySelector(".edit-lock__holder")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"form[action='/editor/articles/{id}/lock/take-over'] button"));
        Assert.Equal(await UserIdAsync(ana), (await LockAsync(id))!.HolderId);

        Assert.Equal(HttpStatusCode.BadRequest, (await bob.Client.GetAsync(new Uri($"/editor/articles/{id}?readOnly=perhaps", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TakingOver_GivesTheLockToTheColleagueAndIsAuditedNamingBoth()
    {
        var ana = await SignInAsAsync(NewsroomRoles.Editor, "Ana Audited");
        var bob = await SignInAsAsync(NewsroomRoles.Editor, "Bob Audited");
        var id = await DraftAsync(ana, Unique("Night trains return"));

        var response = await bob.PostFormAsync($"/editor/articles/{id}", $"form[action='/editor/articles/{id}/lock/take-over']", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/editor/articles/{id}", response.Headers.Location!.OriginalString);
        var taken = (await LockAsync(id))!;
        Assert.Equal(await UserIdAsync(bob), taken.HolderId);
        Assert.Equal(await UserIdAsync(ana), taken.DisplacedId);
        var entry = await factory.QueryAsync(db => db.AuditLog.SingleAsync(a => a.Action == AuditActions.EditTakenOver && a.Actor == bob.Email));
        Assert.Contains($"article {id} ", entry.Target, StringComparison.Ordinal);
        Assert.Equal("Bob Audited took over editing from Ana Audited", entry.Detail![..entry.Detail!.IndexOf(" (", StringComparison.Ordinal)]);

        // Bob now has the form; Ana sees the lock page naming him.
        var (_, bobs) = await GetAsync(bob, $"/editor/articles/{id}");
        Assert.NotNull(bobs.QuerySelector("#article-form"));
        var (_, anas) = await GetAsync(ana, $"/editor/articles/{id}");
        Assert.StartsWith("Bob Audited has been editing since ", anas.QuerySelector(".edit-lock__holder")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDisplacedPersonsSave_IsKeptAsASetAsideRevisionNotAppliedAndTheyAreTold()
    {
        var ana = await SignInAsAsync(NewsroomRoles.Editor, "Ana Kept");
        var bob = await SignInAsAsync(NewsroomRoles.Editor, "Bob Kept");
        var id = await DraftAsync(ana, Unique("Marathon crosses the bridge"));
        var anasForm = await ana.ReadFormAsync($"/editor/articles/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await bob.PostFormAsync($"/editor/articles/{id}", $"form[action='/editor/articles/{id}/lock/take-over']", [])).StatusCode);
        var takenAt = (await LockAsync(id))!.TakenOverAt!.Value;
        var before = await factory.QueryAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));

        anasForm["Body"] = "Ana's unsaved paragraph, typed before the take-over.";
        anasForm["command"] = "Publish";
        var response = await ana.PostFieldsAsync($"/editor/articles/{id}", anasForm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await factory.QueryAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal("The first text.", after.BodyMarkdown);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(ArticleStatus.Draft, after.Status);
        var kept = await factory.QueryAsync(db => db.Revisions.AsNoTracking().Where(r => r.ArticleId == id).OrderBy(r => r.Id).ToListAsync());
        var setAside = Assert.Single(kept, r => r.IsSetAside);
        Assert.Equal("Ana's unsaved paragraph, typed before the take-over.", setAside.BodyMarkdown);
        Assert.Equal(ana.Email, setAside.SavedBy);
        Assert.Contains(AuditActions.EditSetAside, await factory.QueryAsync(db => db.AuditLog.Where(a => a.Actor == ana.Email).Select(a => a.Action).ToListAsync()));
        Assert.Null((await LockAsync(id))!.DisplacedId);

        // The page she lands on says what happened, links the revisions, and still names who is editing.
        var (_, page) = await GetAsync(ana, response.Headers.Location!.OriginalString);
        var notice = page.QuerySelector(".notice--kept[role='alert']")!;
        Assert.StartsWith($"Bob Kept took over editing at {takenAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC. Your text was kept as a revision", notice.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal($"/editor/articles/{id}/revisions", notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.True(IsLockPage(page));

        // The holder finds it labelled among the revisions, with the usual compare and restore.
        var (_, revisions) = await GetAsync(bob, $"/editor/articles/{id}/revisions");
        var row = revisions.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector(".badge--kept") is not null);
        Assert.Equal($"kept from {ana.Email}’s editing after a take-over", row.QuerySelector(".badge--kept")!.TextContent.Trim());
        Assert.NotNull(row.QuerySelector($"a[href='/editor/articles/{id}/revisions/{setAside.Id}']"));
        Assert.NotNull(row.QuerySelector($"form[action='/editor/articles/{id}/revisions/{setAside.Id}/restore']"));
        var (_, compare) = await GetAsync(bob, $"/editor/articles/{id}/revisions/{setAside.Id}");
        Assert.Equal($"This version was kept from {ana.Email}’s editing after a take-over; it was never applied to the article.", compare.QuerySelector(".notice--kept")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheHeartbeat_TellsTheDisplacedPersonOnceWhoTookOver()
    {
        var ana = await SignInAsAsync(NewsroomRoles.Editor, "Ana Beats");
        var bob = await SignInAsAsync(NewsroomRoles.Editor, "Bob Beats");
        var id = await DraftAsync(ana, Unique("Wind farm approved"));
        var (_, anasPage) = await GetAsync(ana, $"/editor/articles/{id}");
        var token = Token(anasPage);
        Assert.True((await HeartbeatAsync(ana, id, token)).GetProperty("held").GetBoolean());

        Assert.Equal(HttpStatusCode.Redirect, (await bob.PostFormAsync($"/editor/articles/{id}", $"form[action='/editor/articles/{id}/lock/take-over']", [])).StatusCode);
        var takenAt = (await LockAsync(id))!.TakenOverAt!.Value;

        var told = await HeartbeatAsync(ana, id, token);
        Assert.False(told.GetProperty("held").GetBoolean());
        Assert.Equal("Bob Beats", told.GetProperty("takenOverBy").GetString());
        Assert.Equal(takenAt, told.GetProperty("at").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Null((await LockAsync(id))!.DisplacedId);

        // Told once: then the beat only says who holds it, and never takes it back.
        var again = await HeartbeatAsync(ana, id, token);
        Assert.False(again.GetProperty("held").GetBoolean());
        Assert.Equal(JsonValueKind.Null, again.GetProperty("takenOverBy").ValueKind);
        Assert.Equal("Bob Beats", again.GetProperty("heldBy").GetString());
        Assert.Equal(await UserIdAsync(bob), (await LockAsync(id))!.HolderId);
    }

    [Fact]
    public async Task AHeartbeatKeepsTheLockAlive_AndTheLockExpiresSoonAfterTheBeatsStop()
    {
        var clock = new ShiftedClock();
        await using var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        HttpClient Client() => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true });
        var ana = await SignInAsAsync(NewsroomRoles.Editor, "Ana Alive", Client());
        var bob = await SignInAsAsync(NewsroomRoles.Editor, "Bob Alive", Client());
        var id = await DraftAsync(ana, Unique("Theatre season opens"));
        var token = Token((await GetAsync(ana, $"/editor/articles/{id}")).Page);

        // Beats every minute for five minutes: well past the 90 seconds a lock lives after its last beat.
        for (var minute = 0; minute < 5; minute++)
        {
            Assert.True((await HeartbeatAsync(ana, id, token)).GetProperty("held").GetBoolean());
            clock.Offset += TimeSpan.FromMinutes(1);
            Assert.True(IsLockPage((await GetAsync(bob, $"/editor/articles/{id}")).Page));
        }

        // The tab closes: no beat for two minutes, and the colleague gets the form.
        clock.Offset += TimeSpan.FromMinutes(2);
        var (_, page) = await GetAsync(bob, $"/editor/articles/{id}");
        Assert.NotNull(page.QuerySelector("#article-form"));
        Assert.Equal(await UserIdAsync(bob), (await LockAsync(id))!.HolderId);
    }

    [Fact]
    public async Task ALockWithoutHeartbeat_LastsTwentyMinutesAfterTheFormWasOpened()
    {
        var clock = new ShiftedClock();
        await using var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        HttpClient Client() => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true });
        var ana = await SignInAsAsync(NewsroomRoles.Editor, "Ana Noscript", Client());
        var bob = await SignInAsAsync(NewsroomRoles.Editor, "Bob Noscript", Client());
        var id = await DraftAsync(ana, Unique("Chess final drawn"));
        await GetAsync(ana, $"/editor/articles/{id}");

        clock.Offset = TimeSpan.FromMinutes(19);
        Assert.True(IsLockPage((await GetAsync(bob, $"/editor/articles/{id}")).Page));

        clock.Offset = TimeSpan.FromMinutes(21);
        Assert.NotNull((await GetAsync(bob, $"/editor/articles/{id}")).Page.QuerySelector("#article-form"));
    }

    [Fact]
    public async Task StoppingEditing_FreesTheLockAtOnce()
    {
        var ana = await SignInAsAsync(NewsroomRoles.Editor, "Ana Stops");
        var bob = await SignInAsAsync(NewsroomRoles.Editor, "Bob Stops");
        var id = await DraftAsync(ana, Unique("Pomegranate harvest"));

        var stopped = await ana.PostFormAsync($"/editor/articles/{id}", $"form[action='/editor/articles/{id}/lock/release']", []);

        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Null(await LockAsync(id));
        Assert.NotNull((await GetAsync(bob, $"/editor/articles/{id}")).Page.QuerySelector("#article-form"));

        // Someone else's lock is never released by another person's "Stop editing".
        var token = Token((await GetAsync(ana, "/editor")).Page);
        Assert.Equal(HttpStatusCode.Redirect, (await PostLockAsync(ana, id, "release", token)).StatusCode);
        Assert.Equal(await UserIdAsync(bob), (await LockAsync(id))!.HolderId);
    }

    [Fact]
    public async Task TheDashboard_ShowsWhoIsEditingAnArticle()
    {
        var ana = await SignInAsAsync(NewsroomRoles.Editor, "Ana Dashboard");
        var bob = await SignInAsAsync(NewsroomRoles.Editor, "Bob Dashboard");
        var headline = Unique("Sunflower fields flood");
        var created = await ana.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", ArticleWorkflowTests.Fields(headline, "Submit"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.Id).SingleAsync());

        var (_, dashboard) = await GetAsync(bob, $"/editor?q={Uri.EscapeDataString(headline)}");
        var row = dashboard.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/editor/articles/{id}']") is not null);
        Assert.Equal("Editing: Ana Dashboard", row.QuerySelector(".badge--editing")!.TextContent.Trim());

        await ana.PostFormAsync($"/editor/articles/{id}", $"form[action='/editor/articles/{id}/lock/release']", []);
        var (_, after) = await GetAsync(bob, $"/editor?q={Uri.EscapeDataString(headline)}");
        Assert.Null(after.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/editor/articles/{id}']") is not null).QuerySelector(".badge--editing"));
    }

    [Theory]
    [InlineData("take-over")]
    [InlineData("heartbeat")]
    [InlineData("release")]
    public async Task TheLockAddresses_RefuseAPostWithoutTheAntiforgeryToken(string action)
    {
        var ana = await SignInAsAsync(NewsroomRoles.Editor, "Ana Forgery");
        var bob = await SignInAsAsync(NewsroomRoles.Editor, "Bob Forgery");
        var id = await DraftAsync(ana, Unique("Ice on the river"));

        Assert.Equal(HttpStatusCode.BadRequest, (await PostLockAsync(bob, id, action, token: null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostLockAsync(ana, id, action, token: null)).StatusCode);

        var held = (await LockAsync(id))!;
        Assert.Equal(await UserIdAsync(ana), held.HolderId);
        Assert.Null(held.DisplacedId);
    }

    [Fact]
    public async Task AWriter_CannotTakeOverOrHoldAnArticleTheyMayNotEdit()
    {
        var ana = await SignInAsAsync(NewsroomRoles.Editor, "Ana Rights");
        var writer = await SignInAsAsync(NewsroomRoles.Writer, "Wren Writer");
        var id = await DraftAsync(ana, Unique("Calligraphy prize"));
        var token = Token((await GetAsync(writer, "/editor")).Page);

        var takeOver = await PostLockAsync(writer, id, "take-over", token);
        Assert.Equal(HttpStatusCode.Redirect, takeOver.StatusCode);
        Assert.StartsWith("/editor/denied", takeOver.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostLockAsync(writer, id, "heartbeat", token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostLockAsync(writer, int.MaxValue, "take-over", token)).StatusCode);

        var held = (await LockAsync(id))!;
        Assert.Equal(await UserIdAsync(ana), held.HolderId);
        Assert.Null(held.DisplacedId);
        Assert.DoesNotContain(AuditActions.EditTakenOver, await factory.QueryAsync(db => db.AuditLog.Where(a => a.Actor == writer.Email).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task TwoPeopleOpeningAFreeArticleAtOnce_DoNotBothGetTheLock()
    {
        var ana = await SignInAsAsync(NewsroomRoles.Editor, "Ana Race");
        var bob = await SignInAsAsync(NewsroomRoles.Editor, "Bob Race");
        var id = await DraftAsync(ana, Unique("Comet over the islands"));
        for (var round = 0; round < 5; round++)
        {
            // Whoever holds it stops editing, then both open the article at the same moment.
            foreach (var person in new[] { ana, bob })
            {
                var token = Token((await GetAsync(person, "/editor")).Page);
                await PostLockAsync(person, id, "release", token);
            }

            Assert.Null(await LockAsync(id));
            var pages = await Task.WhenAll(GetAsync(ana, $"/editor/articles/{id}"), GetAsync(bob, $"/editor/articles/{id}"));

            Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Response.StatusCode));
            Assert.Single(pages, p => p.Page.QuerySelector("#article-form") is not null);
            Assert.Single(pages, p => IsLockPage(p.Page));
            var holder = (await LockAsync(id))!.HolderId;
            var winner = pages[0].Page.QuerySelector("#article-form") is not null ? ana : bob;
            Assert.Equal(await UserIdAsync(winner), holder);
        }
    }
}
