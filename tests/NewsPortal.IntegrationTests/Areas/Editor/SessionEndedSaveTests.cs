using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Tests.Shared;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>
/// An editor never loses typed work to the end of a session: a save that arrives too late answers with a
/// sign-in page that keeps the text, signing in there brings the form back with the text and saves nothing,
/// editor pages say when the session ends, and "Stay signed in" extends it up to the 12-hour limit.
/// </summary>
[Collection(EditorAreaCollection.Name)]
public class SessionEndedSaveTests(EditorAreaFactory factory)
{
    private const string Body = "The harbour office published the winter timetable.\n\n## What changes\n\n> “We listened to commuters,” the harbour master said. <b>not markup</b>";
    private static readonly HtmlParser Parser = new();

    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }

    private sealed record Writer(EditorSession Session, ShiftedClock Clock, WebApplicationFactory<Program> Host) : IAsyncDisposable
    {
        public HttpClient Client => Session.Client;

        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }

    private async Task<Writer> SignInWithClockAsync(CapturedLogs? logs = null)
    {
        var clock = new ShiftedClock();
        var host = factory.WithWebHostBuilder(b =>
        {
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
            if (logs is not null)
            {
                // Everything the app would write with its most talkative settings.
                b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Serilog:MinimumLevel:Default"] = "Debug",
                    ["Serilog:MinimumLevel:Override:Microsoft"] = "Debug",
                    ["Serilog:MinimumLevel:Override:System"] = "Debug",
                }));
                b.ConfigureLogging(l => l.AddProvider(logs));
            }
        });
        var email = await EditorSession.CreateUserAsync(factory, NewsroomRoles.Writer);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true });
        var session = new EditorSession(client, email);
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(email, EditorSession.Password)).StatusCode);
        return new Writer(session, clock, host);
    }

    /// <summary>The fields a browser would post from the form on <paramref name="page"/>, with some typed over.</summary>
    private static List<KeyValuePair<string, string>> FormFields(IHtmlDocument page, string selector, Dictionary<string, string> typed)
    {
        var form = (IHtmlFormElement)page.QuerySelector(selector)!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || typed.ContainsKey(name) || element is IHtmlButtonElement || element is IHtmlInputElement { Type: "file" } || element is IHtmlInputElement { Type: "checkbox", IsChecked: false })
            {
                continue;
            }

            fields.Add(new(name, element switch
            {
                IHtmlTextAreaElement area => area.Value,
                IHtmlSelectElement select => select.Value ?? "",
                IHtmlInputElement input => input.Value,
                _ => "",
            }));
        }

        fields.AddRange(typed);
        return fields;
    }

    private static Dictionary<string, string> Typed(string headline) => new()
    {
        ["Headline"] = headline,
        ["Lead"] = "The island ferry runs four times a day from Monday.",
        ["Body"] = Body,
        ["Sources[0].Code"] = "reuters",
        ["Sources[0].Role"] = "Reporting",
        ["Contributors[0].Person"] = "hannah-lowe",
        ["Contributors[0].Role"] = "Writing",
        ["command"] = "Save",
    };

    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, HttpContent? content = null)
    {
        var response = await client.PostAsync(new Uri(url, UriKind.Relative), content ?? new FormUrlEncodedContent(fields));
        return (response, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Opens the new-article form while signed in, lets the session end, then saves what was typed.</summary>
    private async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SaveAfterTheSessionEndedAsync(Writer writer, string headline)
    {
        var form = await writer.Session.GetDocumentAsync("/editor/articles/new?edition=en");
        writer.Clock.Offset += TimeSpan.FromMinutes(31);
        return await PostAsync(writer.Client, "/editor/articles/new", FormFields(form, "#article-form", Typed(headline)));
    }

    private Task<int> CountAsync(string headline) => factory.QueryAsync(db => db.Articles.CountAsync(a => a.Headline == headline));

    private static string Hidden(IHtmlDocument page, string name) =>
        page.QuerySelectorAll("form input[type='hidden']").FirstOrDefault(i => i.GetAttribute("name") == name)?.GetAttribute("value") ?? "(none)";

    [Fact]
    public async Task ASaveAfterTheSessionEndedAnswers401WithTheTextInASignInPage()
    {
        await using var writer = await SignInWithClockAsync();
        var headline = $"Ferry timetable changes for winter {Guid.NewGuid():N}";

        var (response, page) = await SaveAfterTheSessionEndedAsync(writer, headline);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal("Your session ended — sign in again to continue; your text is kept", page.QuerySelector("h1").Text());
        Assert.Equal(headline, Hidden(page, "Headline"));
        Assert.Equal(Body, Hidden(page, "Body"));
        Assert.Equal("reuters", Hidden(page, "Sources[0].Code"));
        Assert.Equal("Reporting", Hidden(page, "Sources[0].Role"));
        Assert.Equal("(none)", Hidden(page, "command"));
        var signIn = page.QuerySelector("form[action='/editor/articles/new/resume']")!;
        Assert.NotNull(signIn.QuerySelector("input[name='__RequestVerificationToken']"));
        Assert.Equal("Email address", page.QuerySelector($"label[for='{signIn.QuerySelector("input[name='SignIn.Email']")!.Id}']").Text());
        Assert.Equal("Password", page.QuerySelector($"label[for='{signIn.QuerySelector("input[name='SignIn.Password']")!.Id}']").Text());
        // Encoded, not markup.
        Assert.Empty(page.QuerySelectorAll("b"));
        Assert.Equal(0, await CountAsync(headline));
    }

    [Fact]
    public async Task SigningInFromThatPageShowsTheFormWithTheTextAndSavesNothing()
    {
        await using var writer = await SignInWithClockAsync();
        var headline = $"Night trains return to the coast {Guid.NewGuid():N}";
        var (_, ended) = await SaveAfterTheSessionEndedAsync(writer, headline);

        var (response, page) = await PostAsync(writer.Client, "/editor/articles/new/resume",
            FormFields(ended, "form[action='/editor/articles/new/resume']", new() { ["SignIn.Email"] = writer.Session.Email, ["SignIn.Password"] = EditorSession.Password }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Signed in again. Your text is back in the form; nothing has been saved yet.", page.QuerySelector("[role='status'].notice").Text());
        Assert.Equal(headline, ((IHtmlInputElement)page.QuerySelector("#Headline")!).Value);
        Assert.Equal(Body, ((IHtmlTextAreaElement)page.QuerySelector("#Body")!).Value);
        Assert.Equal("reuters", page.QuerySelector("input[name='Sources[0].Code']")!.GetAttribute("value"));
        Assert.Equal("Reporting", ((IHtmlSelectElement)page.QuerySelector("#credit-0")!).Value);
        Assert.Equal(0, await CountAsync(headline));

        // The form it shows is the signed-in editor's: saving it works.
        var saved = await writer.Client.PostAsync(new Uri("/editor/articles/new", UriKind.Relative), new FormUrlEncodedContent(FormFields(page, "#article-form", new() { ["command"] = "Save" })));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await CountAsync(headline));
    }

    [Fact]
    public async Task AWrongPasswordShowsThePageAgainWithTheTextStillThere()
    {
        await using var writer = await SignInWithClockAsync();
        var headline = $"Grain port reopens after the storm {Guid.NewGuid():N}";
        var (_, ended) = await SaveAfterTheSessionEndedAsync(writer, headline);

        var (response, page) = await PostAsync(writer.Client, "/editor/articles/new/resume",
            FormFields(ended, "form[action='/editor/articles/new/resume']", new() { ["SignIn.Email"] = writer.Session.Email, ["SignIn.Password"] = "not the password at all" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The email address or the password is not right, or the account is disabled.", page.QuerySelector("[role='alert']").Text());
        Assert.Equal(headline, Hidden(page, "Headline"));
        Assert.Equal(Body, Hidden(page, "Body"));
        Assert.Equal(writer.Session.Email, page.QuerySelector("input[name='SignIn.Email']")!.GetAttribute("value"));
        Assert.Equal(0, await CountAsync(headline));
        var audit = await factory.QueryAsync(db => db.AuditLog.Where(a => a.Actor == writer.Session.Email).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.SignInFailed, audit);

        // Nobody acts through it without signing in: the page's form is still the only way on.
        var (again, _) = await PostAsync(writer.Client, "/editor/articles/new", FormFields(page, "form[action='/editor/articles/new/resume']", new()));
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal(0, await CountAsync(headline));
    }

    [Fact]
    public async Task AnEditAfterTheSessionEndedComesBackOnItsOwnArticleUnsaved()
    {
        await using var writer = await SignInWithClockAsync();
        var headline = $"Marathon route crosses the old bridge {Guid.NewGuid():N}";
        var created = await writer.Session.PostFormAsync("/editor/articles/new?edition=en", "#article-form", Typed(headline));
        var id = await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var form = await writer.Session.GetDocumentAsync($"/editor/articles/{id}");
        writer.Clock.Offset += TimeSpan.FromMinutes(31);
        var (response, ended) = await PostAsync(writer.Client, $"/editor/articles/{id}", FormFields(form, "#article-form", new() { ["Body"] = "A rewritten body.", ["command"] = "Save" }));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        var (resumed, page) = await PostAsync(writer.Client, $"/editor/articles/{id}/resume",
            FormFields(ended, $"form[action='/editor/articles/{id}/resume']", new() { ["SignIn.Email"] = writer.Session.Email, ["SignIn.Password"] = EditorSession.Password }));

        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal($"/editor/articles/{id}", page.QuerySelector("#article-form")!.GetAttribute("action"));
        Assert.Equal("A rewritten body.", ((IHtmlTextAreaElement)page.QuerySelector("#Body")!).Value);
        Assert.Equal(Body, await factory.QueryAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyMarkdown).SingleAsync()));
    }

    [Fact]
    public async Task APictureSentAfterTheSessionEndedIsNotKeptAndThePageSaysSo()
    {
        await using var writer = await SignInWithClockAsync();
        var headline = $"Comet seen from the northern islands {Guid.NewGuid():N}";
        var form = await writer.Session.GetDocumentAsync("/editor/articles/new?edition=en");
        writer.Clock.Offset += TimeSpan.FromMinutes(31);
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in FormFields(form, "#article-form", Typed(headline)))
        {
            multipart.Add(new StringContent(value), name);
        }

        multipart.Add(new ByteArrayContent("PICTURE-BYTES-THAT-MUST-NOT-COME-BACK"u8.ToArray()), "leadImage", "comet.jpg");
        var response = await writer.Client.PostAsync(new Uri("/editor/articles/new", UriKind.Relative), multipart);
        var html = await response.Content.ReadAsStringAsync();
        var page = Parser.ParseDocument(html);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(headline, Hidden(page, "Headline"));
        Assert.Contains("The picture you chose is not kept. Choose it again", page.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("PICTURE-BYTES", html, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("input[type='file']"));
    }

    [Fact]
    public async Task ACrossSiteSaveAfterTheSessionEndedIsSentToSignInWithoutItsText()
    {
        await using var writer = await SignInWithClockAsync();
        var headline = $"Forged story {Guid.NewGuid():N}";
        var form = await writer.Session.GetDocumentAsync("/editor/articles/new?edition=en");
        writer.Clock.Offset += TimeSpan.FromMinutes(31);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/editor/articles/new", UriKind.Relative)) { Content = new FormUrlEncodedContent(FormFields(form, "#article-form", Typed(headline))) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        var response = await writer.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/editor/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(headline, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePostedTextIsNeverWrittenToTheLog()
    {
        var logs = new CapturedLogs(LogLevel.Debug);
        await using var writer = await SignInWithClockAsync(logs);
        var headline = $"Sunflower harvest beats the forecast {Guid.NewGuid():N}";
        var (_, ended) = await SaveAfterTheSessionEndedAsync(writer, headline);
        await PostAsync(writer.Client, "/editor/articles/new/resume",
            FormFields(ended, "form[action='/editor/articles/new/resume']", new() { ["SignIn.Email"] = writer.Session.Email, ["SignIn.Password"] = "a wrong guess of a password" }));
        await PostAsync(writer.Client, "/editor/articles/new/resume",
            FormFields(ended, "form[action='/editor/articles/new/resume']", new() { ["SignIn.Email"] = writer.Session.Email, ["SignIn.Password"] = EditorSession.Password }));

        Assert.Contains(logs.Entries, e => e.Contains("Session ended before a save to", StringComparison.Ordinal) && e.Contains("/editor/articles/new", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Contains(headline, StringComparison.Ordinal) || e.Contains("harbour master", StringComparison.Ordinal) || e.Contains("wrong guess", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditorPagesSayWhenTheSessionEndsAndLoadTheDraftScript()
    {
        await using var writer = await SignInWithClockAsync();
        var before = DateTimeOffset.UtcNow;

        var page = await writer.Session.GetDocumentAsync("/editor/articles/new?edition=en");

        var body = page.Body!;
        var expires = DateTimeOffset.Parse(body.GetAttribute("data-session-expires")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires, before.AddMinutes(30).AddSeconds(-2), DateTimeOffset.UtcNow.AddMinutes(30).AddSeconds(2));
        Assert.Equal("idle", body.GetAttribute("data-session-limit"));
        Assert.Equal("/editor/session/extend", body.GetAttribute("data-session-extend"));
        var script = page.QuerySelector("script[src*='/js/editor-drafts']")!;
        Assert.True(script.HasAttribute("defer"));
        Assert.Equal("new:en:-", page.QuerySelector("#article-form")!.GetAttribute("data-draft-key"));

        // The sign-in page has nothing to count down (Razor writes data- attributes even when empty).
        var login = await EditorSession.NewClient(factory).GetPageAsync("/editor/login");
        Assert.Equal("", login.Document.Body!.GetAttribute("data-session-expires") ?? "");
    }

    [Fact]
    public async Task ThePageAfterASuccessfulSaveNamesTheLocalCopyItMadeObsolete()
    {
        await using var writer = await SignInWithClockAsync();
        var headline = $"Library opens at night {Guid.NewGuid():N}";
        var created = await writer.Session.PostFormAsync("/editor/articles/new?edition=en", "#article-form", Typed(headline));
        var page = await writer.Session.GetDocumentAsync(created.Headers.Location!.OriginalString);
        var id = await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.Id).SingleAsync());
        Assert.Equal("new:en:-", page.QuerySelector("#article-form")!.GetAttribute("data-draft-saved"));
        var version = page.QuerySelector("input[name='Version']")!.GetAttribute("value");
        Assert.Equal($"article:{id}:v{version}", page.QuerySelector("#article-form")!.GetAttribute("data-draft-key"));

        // A refused save (no headline) names nothing: the local copy stays.
        var (refused, again) = await PostAsync(writer.Client, $"/editor/articles/{id}", FormFields(page, "#article-form", new() { ["Headline"] = "", ["command"] = "Save" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("", again.QuerySelector("#article-form")!.GetAttribute("data-draft-saved") ?? "");
    }

    private static async Task<JsonElement> ExtendAsync(Writer writer, HttpStatusCode expected)
    {
        var page = await writer.Session.GetDocumentAsync("/editor/articles/new?edition=en");
        return await ExtendWithTokenAsync(writer, page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!, expected);
    }

    private static async Task<JsonElement> ExtendWithTokenAsync(Writer writer, string token, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/editor/session/extend", UriKind.Relative));
        request.Headers.Add("RequestVerificationToken", token);
        var response = await writer.Client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task StayingSignedInAtMinute29KeepsTheSessionAnotherThirtyMinutes()
    {
        await using var writer = await SignInWithClockAsync();
        var page = await writer.Session.GetDocumentAsync("/editor");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        writer.Clock.Offset = TimeSpan.FromMinutes(29);

        var answer = await ExtendWithTokenAsync(writer, token, HttpStatusCode.OK);

        Assert.Equal("idle", answer.GetProperty("limit").GetString());
        var expires = answer.GetProperty("expiresAt").GetDateTimeOffset() - answer.GetProperty("now").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromMinutes(30), expires);
        writer.Clock.Offset += TimeSpan.FromMinutes(29);
        Assert.Equal(HttpStatusCode.OK, (await writer.Client.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TheTwelveHourLimitCannotBeExtendedAndAnEndedSessionAnswers401()
    {
        await using var writer = await SignInWithClockAsync();
        var signedInAt = DateTimeOffset.UtcNow;
        while (writer.Clock.Offset < TimeSpan.FromHours(11.5))
        {
            writer.Clock.Offset += TimeSpan.FromMinutes(25);
            await ExtendAsync(writer, HttpStatusCode.OK);
        }

        writer.Clock.Offset = TimeSpan.FromHours(11) + TimeSpan.FromMinutes(50);
        var page = await writer.Session.GetDocumentAsync("/editor");
        Assert.Equal("absolute", page.Body!.GetAttribute("data-session-limit"));
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var answer = await ExtendWithTokenAsync(writer, token, HttpStatusCode.OK);
        Assert.Equal("absolute", answer.GetProperty("limit").GetString());
        Assert.InRange(answer.GetProperty("expiresAt").GetDateTimeOffset(), signedInAt.AddHours(12).AddSeconds(-5), signedInAt.AddHours(12).AddSeconds(5));

        writer.Clock.Offset = TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1);
        var ended = await ExtendWithTokenAsync(writer, token, HttpStatusCode.Unauthorized);
        Assert.False(ended.GetProperty("signedIn").GetBoolean());
    }

    [Fact]
    public async Task SigningOutAsksTheBrowserToForgetItsLocalDrafts()
    {
        var session = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);

        var response = await session.PostFormAsync("/editor", "form[action='/editor/logout']", new());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("\"storage\"", response.Headers.GetValues("Clear-Site-Data").Single());
    }

    [Fact]
    public async Task SigningInInAnotherTabFirstStillBringsTheTextBack()
    {
        await using var writer = await SignInWithClockAsync();
        var headline = $"Coastal path reopens {Guid.NewGuid():N}";
        var (_, ended) = await SaveAfterTheSessionEndedAsync(writer, headline);

        // Another tab signs in; the session-ended page's token was issued to nobody and no longer fits.
        Assert.Equal(HttpStatusCode.Redirect, (await writer.Session.SignInAsync(writer.Session.Email, EditorSession.Password)).StatusCode);
        var (response, page) = await PostAsync(writer.Client, "/editor/articles/new/resume",
            FormFields(ended, "form[action='/editor/articles/new/resume']", new() { ["SignIn.Email"] = writer.Session.Email, ["SignIn.Password"] = EditorSession.Password }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("You are already signed in (perhaps in another tab). Your text is back in the form; nothing has been saved yet.", page.QuerySelector("[role='status'].notice").Text());
        Assert.Equal(headline, ((IHtmlInputElement)page.QuerySelector("#Headline")!).Value);
        Assert.Equal(Body, ((IHtmlTextAreaElement)page.QuerySelector("#Body")!).Value);
        Assert.Equal(0, await CountAsync(headline));
    }
}
