using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using NewsPortal.Web.Areas.Editor.Models;

namespace NewsPortal.Web.Features.Accounts;

/// <summary>The sign-in fields of the "your session ended" page.</summary>
public sealed class ResumeCredentials
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}

/// <summary>
/// Marks a form POST whose body must survive the end of the session (the article form's save): instead of
/// the redirect to the sign-in page, which drops the body, it answers 401 with a sign-in form that carries
/// the posted fields. The endpoint keeps its normal authorization; this only changes the answer to a challenge.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KeepsPostedTextWhenSignedOutAttribute : Attribute;

/// <summary>Marks an endpoint called by script (fetch): a challenge answers 401 with a small JSON body instead of a redirect to an HTML page.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class AnswersUnauthorizedWithStatusAttribute : Attribute;

/// <summary>
/// What the authorization middleware does when a request is not signed in, for the two kinds of endpoint
/// above; everything else gets the framework's answer (the redirect to <c>/editor/login</c>).
/// </summary>
/// <remarks>
/// Why here and not with <c>[AllowAnonymous]</c> plus a filter: the save actions keep their role policy, so no
/// code path can ever reach them unsigned; only the answer to the failed check changes. Antiforgery is not
/// validated for the session-ended page, and cannot be: the form's token was issued to the signed-in editor and
/// no longer matches the anonymous request (MVC's antiforgery filter runs after authorization anyway). The page
/// changes nothing on the server; it only sends the poster's own fields back, HTML-encoded by Razor, under a
/// CSP without inline script. A cross-site forged POST could still make a browser show text of the forger's
/// choosing, so the page is only given for requests the browser marks as same-origin or user-initiated (<c>Sec-Fetch-Site</c>;
/// clients that send no such header, which are not browsers carrying someone's cookies, are treated alike);
/// anything else gets the plain redirect. Signing in from the page is a normal POST with a fresh anonymous
/// token, rate-limited and locked out like the sign-in page.
/// </remarks>
internal sealed class SessionEndedAuthorizationHandler(ILogger<SessionEndedAuthorizationHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Challenged || context.GetEndpoint() is not { } endpoint)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (endpoint.Metadata.GetMetadata<AnswersUnauthorizedWithStatusAttribute>() is not null)
        {
            logger.LogInformation("Session ended before {Method} {Path}; answered 401", context.Request.Method, context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsJsonAsync(new { signedIn = false });
            return;
        }

        if (endpoint.Metadata.GetMetadata<KeepsPostedTextWhenSignedOutAttribute>() is not null
            && HttpMethods.IsPost(context.Request.Method)
            && context.Request.HasFormContentType
            && IsSameOriginOrUnknown(context.Request))
        {
            await WriteSessionEndedPageAsync(context, endpoint);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>
    /// The post came from this site's own pages, or from a client that says nothing about where it came from (no
    /// browser posts a form cross-site without <c>Sec-Fetch-Site</c> or <c>Origin</c>). Either header naming
    /// another site makes it cross-site.
    /// </summary>
    public static bool IsSameOriginOrUnknown(HttpRequest request) => request.Headers["Sec-Fetch-Site"].ToString() switch
    {
        "same-origin" or "none" => true,
        // A client without fetch metadata: its Origin, when it sends one, must be this site.
        "" => request.Headers.Origin.ToString() is var origin
            && (origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };

    private async Task WriteSessionEndedPageAsync(HttpContext context, Endpoint endpoint)
    {
        // The action's own size limit has not been applied yet (MVC's filters have not run): apply it before reading.
        if (endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } limit
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var pictureDropped = form.Files.Any(f => f.Length > 0);
        var resume = ResumeAction(context.GetRouteValue("id"));

        // The posted text never reaches the log: only where it was going.
        logger.LogInformation("Session ended before a save to {Path}; the posted fields went back with a sign-in form", context.Request.Path);

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        // As [ResponseCache(NoStore = true)] on the editor controllers: the page carries an antiforgery token.
        context.Response.Headers.CacheControl = "no-store,no-cache";
        context.Response.Headers.Pragma = "no-cache";
        var page = new SessionEndedPage(resume, KeptFields.From(form), pictureDropped);
        var result = new ViewResult
        {
            ViewName = SessionEndedView,
            StatusCode = StatusCodes.Status401Unauthorized,
            ViewData = new ViewDataDictionary<SessionEndedPage>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = page },
        };
        var actionContext = new ActionContext(context, context.GetRouteData(), new ActionDescriptor());
        await context.RequestServices.GetRequiredService<IActionResultExecutor<ViewResult>>().ExecuteAsync(actionContext, result);
    }

    public const string SessionEndedView = "~/Areas/Editor/Views/Shared/SessionEnded.cshtml";

    /// <summary>The sign-in form's target: the article's address (the id from the route) plus <c>/resume</c>.</summary>
    public static string ResumeAction(object? id) => id is null ? "/editor/articles/new/resume" : $"/editor/articles/{Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture)}/resume";
}

/// <summary>The article fields of a posted form, without what must not travel back into a page.</summary>
public static class KeptFields
{
    /// <summary>Prefix of the session-ended page's own sign-in fields, so they never mix with article fields.</summary>
    public const string SignInPrefix = "SignIn.";

    public static IReadOnlyList<KeyValuePair<string, string>> From(IFormCollection form) =>
        form.Where(f => f.Key != "__RequestVerificationToken" && f.Key != "command" && !f.Key.StartsWith(SignInPrefix, StringComparison.Ordinal))
            .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")))
            .ToList();
}
