using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>A browser-like client of the editor area: HTTPS (the session cookie is __Host- and Secure), cookies kept, forms posted with their antiforgery token.</summary>
public sealed class EditorSession(HttpClient client, string email = "")
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public string Email => email;

    /// <summary>The session cookie as the sign-in response set it, to replay from another client.</summary>
    public string? SessionCookie { get; private set; }

    public static HttpClient NewClient(NewsPortalFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true });

    public static async Task<string> CreateUserAsync(NewsPortalFactory factory, string role, string? password = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@newsroom.test";
        var user = new NewsroomUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role + " tester" };
        var result = await users.CreateAsync(user, password ?? Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return email;
    }

    public const string Password = "correct horse battery staple";

    public static Task<EditorSession> SignInAsync(NewsPortalFactory factory, string role) => SignInAsync(factory, role, NewClient(factory));

    /// <summary>Signs a new account in through <paramref name="client"/> (for example one of a Kestrel-served site).</summary>
    public static async Task<EditorSession> SignInAsync(NewsPortalFactory factory, string role, HttpClient client)
    {
        var email = await CreateUserAsync(factory, role);
        var session = new EditorSession(client, email);
        var response = await session.SignInAsync(email, Password);
        session.SessionCookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith("__Host-NewsPortal-Editor=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>
    /// "Stop editing" on an article (the form's button; its script does the same when the tab closes): frees the
    /// person's edit lock, so a colleague can open the form.
    /// </summary>
    public async Task StopEditingAsync(int articleId)
    {
        var page = await GetDocumentAsync("/editor");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? throw new InvalidOperationException("No antiforgery token on the dashboard");
        var response = await client.PostAsync(new Uri($"/editor/articles/{articleId}/lock/release", UriKind.Relative),
            new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        PostFormAsync("/editor/login", "form[action='/editor/login']", new() { ["Email"] = email, ["Password"] = password });

    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The fields a browser would post from the form on <paramref name="pageUrl"/> as it is now (buttons and files left out).</summary>
    public async Task<Dictionary<string, string>> ReadFormAsync(string pageUrl, string formSelector = "form.editor-form")
    {
        var page = await GetDocumentAsync(pageUrl);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}");
        var fields = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || fields.ContainsKey(name) || element is IHtmlButtonElement || element is IHtmlInputElement { Type: "file" } || element is IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false })
            {
                continue;
            }

            fields[name] = element switch
            {
                IHtmlInputElement input => input.Value,
                IHtmlTextAreaElement area => area.Value,
                IHtmlSelectElement select => select.Value ?? "",
                _ => "",
            };
        }

        return fields;
    }

    /// <summary>Posts fields as a browser would (URL-encoded), for a form read earlier.</summary>
    public Task<HttpResponseMessage> PostFieldsAsync(string action, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));

    /// <summary>GETs <paramref name="pageUrl"/>, takes the form's fields (antiforgery token included), overrides some and posts it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, string formSelector, Dictionary<string, string> values, (string Name, string FileName, byte[] Content)? file = null)
    {
        var page = await GetDocumentAsync(pageUrl);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || values.ContainsKey(name) || element is IHtmlButtonElement || (element is IHtmlInputElement { Type: "file" }))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } checkbox when !checkbox.IsChecked:
                    continue;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
            }
        }

        fields.AddRange(values);
        var action = form.GetAttribute("action") ?? pageUrl;
        HttpContent content;
        if (file is { } upload)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                multipart.Add(new StringContent(value), name);
            }

            var bytes = new ByteArrayContent(upload.Content);
            multipart.Add(bytes, upload.Name, upload.FileName);
            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(fields);
        }

        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>Creates an English story through the article form with the given command ("Save", "Publish"…) and returns its id.</summary>
    public async Task<int> CreateArticleAsync(NewsPortalFactory factory, string headline, string command, Action<Dictionary<string, string>>? more = null)
    {
        var fields = Areas.Editor.ArticleWorkflowTests.Fields(headline, command, $"Body of {headline}.");
        more?.Invoke(fields);
        var created = await PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, created.StatusCode);
        return await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.Id).SingleAsync());
    }
}
