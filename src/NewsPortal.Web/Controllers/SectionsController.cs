using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.ReaderCache;
using NewsPortal.Web.Features.Sections;

namespace NewsPortal.Web.Controllers;

public sealed class SectionsController(GetSectionPage sectionPage) : ReaderController
{
    [HttpGet("{edition:edition}/s/{section}")]
    public async Task<IActionResult> Show([FromRoute] string section, int page = 1, CancellationToken cancellationToken = default)
    {
        if (CheckPage(page) is { } refused)
        {
            return refused;
        }

        if (Edition.FindSection(section) is not { } found)
        {
            return NotFound();
        }

        HttpContext.TagResponse(ReaderCacheTags.Section(found.Id));
        var articles = await sectionPage.ExecuteAsync(found.Id, page, cancellationToken);
        return articles.Exists ? View((found, articles)) : NotFound();
    }
}
