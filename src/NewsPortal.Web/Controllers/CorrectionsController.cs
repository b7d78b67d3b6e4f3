using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Feeds;
using NewsPortal.Web.Features.ReaderCache;

namespace NewsPortal.Web.Controllers;

/// <summary><c>/{edition}/corrections</c>: every public correction of the edition's stories, newest first.</summary>
public sealed class CorrectionsController(GetCorrectionsFeed corrections) : ReaderController
{
    [HttpGet("{edition:edition}/corrections")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        HttpContext.TagResponse(ReaderCacheTags.Corrections(Edition.Id));
        return View(await corrections.ExecuteAsync(Edition.Id, cancellationToken));
    }
}
