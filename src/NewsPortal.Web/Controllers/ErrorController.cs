using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Hosting;

namespace NewsPortal.Web.Controllers;

public sealed record ErrorPageModel(int StatusCode, BadRequestReason? Reason);

/// <summary>Renders error statuses as pages in the reader's edition (taken from the URL they asked for).</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class ErrorController : Controller
{
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

        var status = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = status;
        var reason = HttpContext.Items[BadRequestReasonKeys.ItemKey] as BadRequestReason?;
        return View("Error", new ErrorPageModel(status, reason));
    }
}
