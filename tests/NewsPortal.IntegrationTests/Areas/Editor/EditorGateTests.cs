using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>
/// The editor area's gate as an attacker probes it over a real socket (Kestrel, the raw request line as sent, no
/// client-side clean-up of the path): spellings of <c>/editor</c> and other verbs never reach an editor page
/// anonymously, and nothing secret that crosses the wire reaches the logs.
/// </summary>
[Collection(KestrelSiteCollection.Name)]
public class EditorGateTests(KestrelSiteFactory factory)
{
    public static TheoryData<string, string> Variants() => new()
    {
        { "GET", "/Editor/" },
        { "GET", "/EDITOR/USERS" },
        { "GET", "/editor/." },
        { "GET", "/editor/./users" },
        { "GET", "/en/../editor/users" },
        { "GET", "/editor/%2E/users" },
        { "GET", "/editor%2Fusers" },
        { "GET", "/editor%2fsetup" },
        { "GET", "/%65ditor/users" },
        { "GET", "//editor/users" },
        { "GET", "/editor//users" },
        { "GET", "/editor/users/" },
        { "GET", "/editor/users;jsessionid=1" },
        { "GET", "/editor/users%00" },
        { "GET", "/editor/users%20" },
        { "GET", "/editor/audit?x=../../" },
        { "HEAD", "/editor" },
        { "HEAD", "/editor/users" },
        { "OPTIONS", "/editor" },
        { "OPTIONS", "/editor/users" },
        { "OPTIONS", "*" },
        { "TRACE", "/editor" },
        { "PUT", "/editor/users" },
        { "DELETE", "/editor/users" },
        { "PATCH", "/editor/articles/1" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task NoSpellingOfTheEditorPathReachesAnEditorPageAnonymously(string method, string target)
    {
        var (status, head, body) = await RawAsync($"{method} {target} HTTP/1.1\r\nHost: {factory.Address.Authority}\r\nConnection: close\r\n\r\n");

        Assert.NotEqual(200, status);
        Assert.True(status is 301 or 302 or 400 or 404 or 405, $"{method} {target} answered {status}");
        if (status is 301 or 302)
        {
            var location = head.Split("\r\n").First(l => l.StartsWith("Location:", StringComparison.OrdinalIgnoreCase))[9..].Trim();
            Assert.True(location.StartsWith("/editor/login", StringComparison.Ordinal) || location.StartsWith('/'), location);
            Assert.DoesNotContain("//", location[1..], StringComparison.Ordinal);
        }

        Assert.DoesNotContain("editor-form", body, StringComparison.Ordinal);
        Assert.DoesNotContain("@newsroom.test", body, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Lines.Entries, e => e.StartsWith("Error", StringComparison.Ordinal) || e.StartsWith("Critical", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GET", "/editor/login")]
    [InlineData("POST", "/editor/login")]
    public async Task AForgedAntiforgeryCookieIsRefusedWithoutAnErrorInTheLog(string method, string path)
    {
        var before = factory.Lines.Entries.Count;
        var body = method == "POST" ? "Email=a%40b.example&Password=x&__RequestVerificationToken=AAAA%27%22%3C" : "";
        var (status, _, _) = await RawAsync($"{method} {path} HTTP/1.1\r\nHost: {factory.Address.Authority}\r\nCookie: NewsPortal-Antiforgery=CfDJ8'%22<script>;x=1\r\n"
            + $"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}");

        Assert.Equal(method == "GET" ? 200 : 400, status);
        // A cookie the client controls is the client's problem: the request line says 400, nothing says Error.
        Assert.DoesNotContain(factory.Lines.Entries.Skip(before), e => e.StartsWith("Error", StringComparison.Ordinal) || e.StartsWith("Critical", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoPasswordCookieOrTokenReachesTheLogs()
    {
        var password = "log-probe " + Guid.NewGuid().ToString("N");
        var wrong = "wrong-probe " + Guid.NewGuid().ToString("N");
        var email = await EditorSession.CreateUserAsync(factory, NewsroomRoles.Editor, password);
        var client = factory.CreateKestrelClient();
        var session = new EditorSession(client, email);

        await session.SignInAsync(email, wrong);
        var signedIn = await session.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var form = await session.ReadFormAsync("/editor/articles/new?edition=en");
        var token = form["__RequestVerificationToken"];
        var cookies = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0].Split('=', 2)[1]).ToList();
        await session.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", ArticleWorkflowTests.Fields("Log probe " + Guid.NewGuid().ToString("N"), "Save"));
        await session.PostFormAsync("/editor/account/password", "form.editor-form", new() { ["CurrentPassword"] = password, ["NewPassword"] = wrong, ["ConfirmPassword"] = wrong });

        var secrets = new[] { password, wrong, token }.Concat(cookies).Where(s => s.Length >= 16).ToList();
        Assert.True(secrets.Count >= 4);
        foreach (var entry in factory.Lines.Entries)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, entry, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Sends <paramref name="request"/> byte for byte and reads the whole answer.</summary>
    private async Task<(int Status, string Head, string Body)> RawAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(factory.Address.Host, factory.Address.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var text = await reader.ReadToEndAsync(timeout.Token);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var status = int.Parse(head.Split(' ', 3)[1], CultureInfo.InvariantCulture);
        return (status, head, split < 0 ? "" : text[(split + 4)..]);
    }
}

/// <summary>Fields nobody shows in a form, posted anyway, change nothing: the server sets who wrote, the status, roles and ids.</summary>
[Collection(EditorAreaCollection.Name)]
public class OverPostingTests(EditorAreaFactory factory)
{
    [Fact]
    public async Task AWritersNewArticleIgnoresPostedAuthorStatusDatesAndIds()
    {
        var writer = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);
        var someoneElse = await EditorSession.CreateUserAsync(factory, NewsroomRoles.Admin);
        var otherId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == someoneElse).Select(u => u.Id).SingleAsync());
        var first = await factory.QueryAsync(db => db.Articles.AsNoTracking().OrderBy(a => a.Id).FirstAsync());
        var headline = $"Over-posted story {Guid.NewGuid():N}";
        var fields = ArticleWorkflowTests.Fields(headline, "Save");
        fields["Status"] = "Published";
        fields["CreatedById"] = otherId;
        fields["CreatedBy"] = otherId;
        fields["PublishedAt"] = "2020-01-01T00:00";
        fields["UpdatedAt"] = "2020-01-01T00:00";
        fields["Id"] = first.Id.ToString(CultureInfo.InvariantCulture);
        fields["Version"] = "999";
        fields["Role"] = NewsroomRoles.Admin;

        var created = await writer.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var stored = await factory.QueryAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Headline == headline));
        var writerId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == writer.Email).Select(u => u.Id).SingleAsync());
        Assert.Equal(ArticleStatus.Draft, stored.Status);
        Assert.Null(stored.PublishedAt);
        Assert.Equal(writerId, stored.CreatedById);
        Assert.NotEqual(first.Id, stored.Id);
        var untouched = await factory.QueryAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == first.Id));
        Assert.Equal(first.Headline, untouched.Headline);
        Assert.Equal(first.Version, untouched.Version);
        Assert.False(await IsInRoleAsync(writer.Email, NewsroomRoles.Admin));
    }

    [Fact]
    public async Task AWriterChoosingALanguageCannotPostARoleOrAnotherAccount()
    {
        var writer = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);
        var other = await EditorSession.CreateUserAsync(factory, NewsroomRoles.Writer);
        var otherId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == other).Select(u => u.Id).SingleAsync());

        var chosen = await writer.PostFormAsync("/editor/profile", "form[action$='/language']", new()
        {
            ["culture"] = "ru", ["Role"] = NewsroomRoles.Admin, ["Roles"] = NewsroomRoles.Admin, ["Id"] = otherId, ["UserId"] = otherId, ["IsAdmin"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.False(await IsInRoleAsync(writer.Email, NewsroomRoles.Admin));
        Assert.Null(await factory.QueryAsync(db => db.Users.Where(u => u.Id == otherId).Select(u => u.InterfaceCulture).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await writer.Client.GetAsync(new Uri("/editor/users", UriKind.Relative))).StatusCode);
    }

    private async Task<bool> IsInRoleAsync(string email, string role)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>();
        return await users.IsInRoleAsync((await users.FindByEmailAsync(email))!, role);
    }
}
