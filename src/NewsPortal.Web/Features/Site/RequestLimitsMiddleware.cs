using Microsoft.Extensions.Options;

using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Site;

/// <summary>
/// Refuses absurd requests before they reach routing: an over-long query string answers 400
/// (and is logged) rather than being parsed, bound and searched.
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next, IOptionsMonitor<SiteOptions> site, ILogger<RequestLimitsMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = site.CurrentValue.MaxQueryStringLength;
        var length = context.Request.QueryString.Value?.Length ?? 0;
        if (length > limit)
        {
            logger.LogInformation("Refused {Path}: query string of {Length} characters exceeds {Limit}", context.Request.Path, length, limit);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Items[BadRequestReasonKeys.ItemKey] = BadRequestReason.QueryTooLong;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
