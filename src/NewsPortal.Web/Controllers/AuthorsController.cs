using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.People;
using NewsPortal.Web.Features.ReaderCache;

namespace NewsPortal.Web.Controllers;

/// <summary>Author pages: a person as the edition knows them, and their stories.</summary>
public sealed class AuthorsController(GetAuthorPage authorPage) : ReaderController
{
    [HttpGet("{edition:edition}/author/{slug}")]
    public async Task<IActionResult> Show([FromRoute] string slug, int page = 1, CancellationToken cancellationToken = default)
    {
        if (CheckPage(page) is { } refused)
        {
            return refused;
        }

        var found = await authorPage.ExecuteAsync(slug, Edition.Id, page, cancellationToken);
        if (found is null || !found.Articles.Exists)
        {
            return NotFound();
        }

        HttpContext.TagResponse(ReaderCacheTags.Person(found.Author.Id), ReaderCacheTags.PersonList(Edition.Id, found.Author.Id));
        return View(found);
    }
}
