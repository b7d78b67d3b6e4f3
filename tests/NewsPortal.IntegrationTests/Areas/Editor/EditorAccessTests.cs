using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

[Collection(EditorAreaCollection.Name)]
public class EditorAccessTests(EditorAreaFactory factory)
{
    // The resume actions sign in from the "your session ended" page: whoever posts there is signed out.
    private static readonly string[] AnonymousEditorEndpoints = ["editor/login", "editor/denied", "editor/articles/new/resume", "editor/articles/{id:int}/resume"];

    [Fact]
    public void EveryEditorEndpointDeclaresARolePolicy()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.TrimStart('/').StartsWith("editor", StringComparison.Ordinal) || raw.Contains("preview", StringComparison.Ordinal)))
            .ToList();

        Assert.True(endpoints.Count >= 15, $"{endpoints.Count} editor endpoints");
        foreach (var endpoint in endpoints)
        {
            var raw = endpoint.RoutePattern.RawText!.TrimStart('/');
            if (AnonymousEditorEndpoints.Contains(raw))
            {
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(policies.Any(p => p is not null), $"{endpoint.DisplayName} ({raw}) has no role policy");
            Assert.Empty(endpoint.Metadata.GetOrderedMetadata<IAllowAnonymous>());
        }
    }

    public static TheoryData<string, string?, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, string?, HttpStatusCode>();
        foreach (var (url, minimum) in new[] { ("/editor", "Writer"), ("/editor/articles/new", "Writer"), ("/editor/account/password", "Writer"), ("/editor/users", "Admin"), ("/editor/audit", "Admin"), ("/editor/setup", "Admin") })
        {
            data.Add(url, null, HttpStatusCode.Redirect);
            foreach (var role in NewsroomRoles.All)
            {
                var allowed = minimum == "Writer" || role == "Admin";
                data.Add(url, role, allowed ? HttpStatusCode.OK : HttpStatusCode.Redirect);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task RolesReachOnlyWhatTheyMay(string url, string? role, HttpStatusCode expected)
    {
        var client = role is null ? EditorSession.NewClient(factory) : (await EditorSession.SignInAsync(factory, role)).Client;
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.StartsWith(role is null ? "/editor/login" : "/editor/denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task APostWithoutItsAntiforgeryTokenIsRefused()
    {
        var session = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var response = await session.Client.PostAsync(new Uri("/editor/articles/new", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Edition"] = "en", ["SectionId"] = "1", ["Headline"] = "Forged", ["Author"] = "x", ["command"] = "Publish",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Articles.AnyAsync(a => a.Headline == "Forged")));
    }

    [Fact]
    public async Task EveryPostEndpointRefusesARequestWithoutItsAntiforgeryToken()
    {
        var posts = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => "/" + System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.TrimStart('/'), @"\{(\w+)(:[^}]*)?\}", m => m.Groups[1].Value switch
            {
                "edition" => "en",
                "code" => "reuters",
                "id" or "revisionId" or "update" when m.Groups[2].Success => "1",
                _ => "someone",
            }, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
            .Distinct()
            .ToList();
        Assert.True(posts.Count >= 20, $"{posts.Count} POST endpoints: " + string.Join(", ", posts));
        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin);
        var auditBefore = await factory.QueryAsync(db => db.AuditLog.CountAsync());

        foreach (var path in posts)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Headline"] = "Forged", ["Name"] = "Forged", ["Email"] = "forged@example.org", ["Password"] = "forged forged forged", ["SignIn.Email"] = "forged@example.org",
                    ["SignIn.Password"] = "forged forged forged", ["text"] = "Forged", ["culture"] = "ru", ["role"] = "Admin",
                }),
            };

            // The resume actions check the token themselves, so that text posted with an expired page is shown back
            // rather than lost; a post from another site is refused there too, and nothing is signed in or saved.
            request.Headers.Add("Origin", "https://attacker.example");
            var response = await admin.Client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path} without a token answered {(int)response.StatusCode}");
        }

        Assert.Equal(auditBefore, await factory.QueryAsync(db => db.AuditLog.CountAsync()));
    }

    [Fact]
    public async Task OverHttpsTheAntiforgeryCookieIsSecureHttpOnlyAndStrict()
    {
        var response = await EditorSession.NewClient(factory).GetAsync(new Uri("/editor/login", UriKind.Relative));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("Antiforgery", StringComparison.Ordinal)).ToLowerInvariant();

        Assert.StartsWith("newsportal-antiforgery=", cookie, StringComparison.Ordinal);
        AssertSiteOnlySecureHttpOnlyStrict(cookie);
    }

    /// <summary>A Set-Cookie line (lower case) for this site alone, HTTPS only, hidden from script, never sent cross-site.</summary>
    private static void AssertSiteOnlySecureHttpOnlyStrict(string cookie)
    {
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSessionCookieIsHostPrefixedSecureHttpOnlyAndStrict()
    {
        var email = await EditorSession.CreateUserAsync(factory, NewsroomRoles.Writer);
        var response = await new EditorSession(EditorSession.NewClient(factory)).SignInAsync(email, EditorSession.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-NewsPortal-Editor=", StringComparison.Ordinal)).ToLowerInvariant();

        AssertSiteOnlySecureHttpOnlyStrict(cookie);
    }

    [Fact]
    public async Task PasswordsAreHashedWithPbkdf2At210000Iterations()
    {
        var email = await EditorSession.CreateUserAsync(factory, NewsroomRoles.Writer);
        var hash = Convert.FromBase64String(await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash!).SingleAsync()));

        // Identity's version 3 format: a marker byte, the PRF, then the iteration count, big-endian.
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(210_000, (hash[5] << 24) | (hash[6] << 16) | (hash[7] << 8) | hash[8]);
    }

    [Fact]
    public async Task APasswordShorterThan12CharactersIsRefusedButNoCompositionIsRequired()
    {
        var users = factory.Services.CreateScope().ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<NewsroomUser>>();
        var shortOne = await users.CreateAsync(new NewsroomUser { UserName = $"s{Guid.NewGuid():N}@t.test", Email = $"s{Guid.NewGuid():N}@t.test", DisplayName = "s" }, "Sh0rt!pass");
        var plainLong = await users.CreateAsync(new NewsroomUser { UserName = $"p{Guid.NewGuid():N}@t.test", Email = $"p{Guid.NewGuid():N}@t.test", DisplayName = "p" }, "just some plain words");

        Assert.False(shortOne.Succeeded);
        Assert.True(plainLong.Succeeded);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountAndAreAudited()
    {
        var email = await EditorSession.CreateUserAsync(factory, NewsroomRoles.Writer);
        var session = new EditorSession(EditorSession.NewClient(factory));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await session.SignInAsync(email, "not the password at all")).StatusCode);
        }

        var withRightPassword = await session.SignInAsync(email, EditorSession.Password);
        var page = await withRightPassword.Content.ReadAsStringAsync();
        var actions = await factory.QueryAsync(db => db.AuditLog.Where(a => a.Actor == email).Select(a => a.Action).ToListAsync());

        Assert.Equal(HttpStatusCode.BadRequest, withRightPassword.StatusCode);
        Assert.Contains("locked", page, StringComparison.Ordinal);
        Assert.Contains(AuditActions.SignInFailed, actions);
        Assert.Contains(AuditActions.LockedOut, actions);
    }

    [Fact]
    public async Task SigningOutMakesTheOldCookieUseless()
    {
        var session = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(session.SessionCookie!));

        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync("/editor", "form[action='/editor/logout']", [])).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(session.SessionCookie!));
    }

    [Fact]
    public async Task DisablingAUserEndsTheirSessionOnTheNextRequest()
    {
        var writer = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);
        Assert.Equal(HttpStatusCode.OK, (await writer.Client.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);
        var writerId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == writer.Email).Select(u => u.Id).SingleAsync());

        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/editor/users", $"form[action='/editor/users/{writerId}/disable']", [])).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await writer.Client.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await new EditorSession(EditorSession.NewClient(factory)).SignInAsync(writer.Email, EditorSession.Password)).StatusCode);
        Assert.Contains(AuditActions.UserDisabled, await factory.QueryAsync(db => db.AuditLog.Where(a => a.Target == writer.Email).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task ARoleChangeTakesEffectOnTheNextRequest()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        Assert.Contains("Publish now", await (await editor.Client.GetAsync(new Uri("/editor/articles/new", UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var editorId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == editor.Email).Select(u => u.Id).SingleAsync());

        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/editor/users", $"form[action='/editor/users/{editorId}/role']", new() { ["role"] = NewsroomRoles.Writer })).StatusCode);

        // The old session ends at once; signing in again gives the new role's view.
        Assert.Equal(HttpStatusCode.Redirect, (await editor.Client.GetAsync(new Uri("/editor/articles/new", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SignInAsync(editor.Email, EditorSession.Password)).StatusCode);
        var page = await (await editor.Client.GetAsync(new Uri("/editor/articles/new", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Publish now", page, StringComparison.Ordinal);
        Assert.Contains("Submit for review", page, StringComparison.Ordinal);
        Assert.Contains(AuditActions.RoleChanged, await factory.QueryAsync(db => db.AuditLog.Where(a => a.Target == editor.Email).Select(a => a.Action).ToListAsync()));
    }

    private async Task<HttpStatusCode> ReplayAsync(string cookie)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/editor");
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }
}
