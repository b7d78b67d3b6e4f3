using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Hosting;

namespace NewsPortal.Web.Controllers;

public sealed record ErrorPageModel(int StatusCode, BadRequestReason? Reason);

/// <summary>Renders error statuses as pages in the reader's edition (taken from the URL they asked for).</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class ErrorController(ILogger<ErrorController> logger) : Controller
{
    [Route("error/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show(int code)
    {
        if (code == 500 && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { } failure)
        {
            logger.LogError(failure.Error, "Unhandled exception on {Path}", failure.Path);
        }

        var status = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = status;
        var reason = HttpContext.Items[BadRequestReasonKeys.ItemKey] as BadRequestReason?;
        return View("Error", new ErrorPageModel(status, reason));
    }
}
