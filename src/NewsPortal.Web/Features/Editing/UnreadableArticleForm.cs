using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace NewsPortal.Web.Features.Editing;

/// <summary>
/// An article form POST that could not even be read: larger than <see cref="ArticleFormLimits.MaxRequestBytes"/>
/// or with more than <see cref="ArticleFormLimits.MaxFormValues"/> fields. Set by <see cref="ReadArticleFormAttribute"/>;
/// <see cref="UnreadableArticleFormMiddleware"/> then shows the form page the same address shows to a GET (the
/// stored article, or an empty new form) with <see cref="Problem"/> and <see cref="StatusCode"/>.
/// </summary>
public sealed record UnreadableArticleForm(int StatusCode, Notice Problem)
{
    /// <summary>The problem to show on the form page re-shown for this request, and its status; empty for any other request.</summary>
    public static IReadOnlyList<Notice> ProblemsFor(HttpContext context)
    {
        if (context.Features.Get<UnreadableArticleForm>() is not { } unreadable)
        {
            return [];
        }

        context.Response.StatusCode = unreadable.StatusCode;
        return [unreadable.Problem];
    }
}

/// <summary>
/// Reads the article form after the request limits are set and before the antiforgery check would read it.
/// Without this, the antiforgery check fails on an unreadable form with a bare 400, and the error page that
/// is then re-executed as a POST cannot bind its status code either, so the editor saw "Page not found".
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadArticleFormAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>After <see cref="RequestSizeLimitAttribute"/> and <see cref="RequestFormLimitsAttribute"/> (900), before antiforgery (1000).</summary>
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType)
        {
            return;
        }

        UnreadableArticleForm refusal;
        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
            return;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            refusal = new(StatusCodes.Status413PayloadTooLarge,
                new Notice("Problem.FormTooLarge", ArticleFormLimits.MaxRequestBytes / (1024 * 1024), ArticleFormLimits.MaxPictureBytes / (1024 * 1024)));
        }
        catch (InvalidDataException)
        {
            refusal = new(StatusCodes.Status400BadRequest,
                new Notice("Problem.FormTooManyFields", ArticleFormLimits.MaxFormValues));
        }
        catch (BadHttpRequestException)
        {
            refusal = new(StatusCodes.Status400BadRequest, new Notice("Problem.FormIncomplete"));
        }

        http.RequestServices.GetRequiredService<ILogger<ReadArticleFormAttribute>>()
            .LogInformation("Refused an unreadable article form on {Path}: {Status} {Problem}", http.Request.Path, refusal.StatusCode, refusal.Problem);
        http.Features.Set(refusal);
        context.Result = new StatusCodeResult(refusal.StatusCode);
    }
}

/// <summary>
/// When <see cref="ReadArticleFormAttribute"/> refused a form, runs the request again as a GET of the same address,
/// so the editor lands on the article form with the reason instead of an error page. Sits before routing, as the
/// status-code re-execution does.
/// </summary>
internal sealed class UnreadableArticleFormMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Features.Get<UnreadableArticleForm>() is null || context.Response.HasStarted || HttpMethods.IsGet(context.Request.Method))
        {
            return;
        }

        context.SetEndpoint(null);
        context.Features.Get<IRouteValuesFeature>()?.RouteValues?.Clear();
        context.Request.Method = HttpMethods.Get;
        context.Request.ContentType = null;
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        await next(context);
    }
}
