using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.FrontPage;
using NewsPortal.Web.Features.ReaderCache;

namespace NewsPortal.Web.Controllers;

public sealed class FrontPageController(GetFrontPage frontPage) : ReaderController
{
    [HttpGet("{edition:edition}")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        if (CheckPage(page) is { } refused)
        {
            return refused;
        }

        HttpContext.TagResponse(ReaderCacheTags.Front(Edition.Id));
        var model = await frontPage.ExecuteAsync(Edition.Id, page, cancellationToken);
        return model.Latest.Exists ? View(model) : NotFound();
    }
}
