using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.ReaderCache;
using NewsPortal.Web.Features.Tags;

namespace NewsPortal.Web.Controllers;

public sealed class TagsController(GetTagPage tagPage) : ReaderController
{
    [HttpGet("{edition:edition}/tag/{slug}")]
    public async Task<IActionResult> Show([FromRoute] string slug, int page = 1, CancellationToken cancellationToken = default)
    {
        if (CheckPage(page) is { } refused)
        {
            return refused;
        }

        var model = await tagPage.ExecuteAsync(Edition.Id, slug, page, cancellationToken);
        if (model is not { Articles.Exists: true })
        {
            return NotFound();
        }

        HttpContext.TagResponse(ReaderCacheTags.Topic(model.Tag.Id));
        return View(model);
    }
}
