using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Site;
using NewsPortal.Web.Views;

namespace NewsPortal.Web.Controllers;

public sealed record ErrorPageModel(int StatusCode, BadRequestReason? Reason);

/// <summary>Renders error statuses as pages in the reader's edition (taken from the URL they asked for).</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class ErrorController : Controller
{
    private static readonly HashSet<int> KnownStatuses = [400, 401, 403, 404, 405, 406, 408, 409, 410, 413, 414, 415, 429, 431, 500, 502, 503, 504];

    [Route("error/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show([FromRoute] int code)
    {
        // Re-executed for a POST whose form cannot be read (too many fields, too large), model binding binds
        // nothing, because the form value provider fails first: the route still has the code.
        if (code == 0 && int.TryParse(RouteData.Values["code"] as string, System.Globalization.CultureInfo.InvariantCulture, out var routed))
        {
            code = routed;
        }

        // Only a status the site really answers, and only when the pipeline re-executed here for one: a visit to
        // /error/500 or /error/599 is a page that does not exist.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        var status = reExecuted && KnownStatuses.Contains(code) ? code : 404;
        Response.StatusCode = status;
        var reason = HttpContext.Items[BadRequestReasonKeys.ItemKey] as BadRequestReason?;
        PageMetadata.Reset(HttpContext);
        return View("Error", new ErrorPageModel(status, reason));
    }
}
