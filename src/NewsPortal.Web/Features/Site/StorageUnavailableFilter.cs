using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using NewsPortal.Web.Data;

namespace NewsPortal.Web.Features.Site;

/// <summary>
/// A write that fails because nothing can be stored (disk full, database read-only) answers 503 with the
/// localized "try again later" page instead of a 500; the article form handles it itself and keeps the text.
/// </summary>
public sealed class StorageUnavailableFilter(ILogger<StorageUnavailableFilter> logger) : IExceptionFilter
{
    public const int RetryAfterSeconds = 120;

    public void OnException(ExceptionContext context)
    {
        if (context.ExceptionHandled || !StorageFailure.IsStorageUnavailable(context.Exception))
        {
            return;
        }

        logger.LogError(context.Exception, "A write to {Path} failed: the disk is full or the database cannot be written", context.HttpContext.Request.Path);
        context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Result = new StatusCodeResult(StatusCodes.Status503ServiceUnavailable);
        context.ExceptionHandled = true;
    }
}
