using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.ReaderCache;
using NewsPortal.Web.Features.Sources;

namespace NewsPortal.Web.Controllers;

public sealed class SourcesController(GetSourcePage sourcePage) : ReaderController
{
    [HttpGet("{edition:edition}/source/{code}")]
    public async Task<IActionResult> Show([FromRoute] string code, int page = 1, CancellationToken cancellationToken = default)
    {
        if (CheckPage(page) is { } refused)
        {
            return refused;
        }

        if (code.Length > 40)
        {
            return NotFound();
        }

        HttpContext.TagResponse(ReaderCacheTags.Source(code), ReaderCacheTags.SourceList(Edition.Id, code));
        var model = await sourcePage.ExecuteAsync(Edition.Id, Edition.Code, code.ToLowerInvariant(), page, cancellationToken);
        return model is { Articles.Exists: true } ? View(model) : NotFound();
    }
}
