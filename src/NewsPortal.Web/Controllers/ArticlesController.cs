using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Articles;

namespace NewsPortal.Web.Controllers;

public sealed class ArticlesController(GetArticlePage articlePage) : ReaderController
{
    /// <summary>The id finds the article; a stale slug or edition answers 301 to the canonical URL.</summary>
    [HttpGet("{edition:edition}/a/{slug}/{id:int:min(1)}")]
    public async Task<IActionResult> Show(string slug, int id, CancellationToken cancellationToken)
    {
        var article = await articlePage.ExecuteAsync(id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        if (article.Slug != slug || article.Edition.Code != Edition.Code)
        {
            return RedirectToActionPermanent(nameof(Show), new { edition = article.Edition.Code, slug = article.Slug, id });
        }

        return View(article);
    }

    /// <summary>The text-only page for slow and censored networks: no pictures, no stylesheet to fetch, no script.</summary>
    [HttpGet("{edition:edition}/a/{slug}/{id:int:min(1)}/lite")]
    public async Task<IActionResult> Lite(string slug, int id, CancellationToken cancellationToken)
    {
        var article = await articlePage.ExecuteAsync(id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        if (article.Slug != slug || article.Edition.Code != Edition.Code)
        {
            return RedirectToActionPermanent(nameof(Lite), new { edition = article.Edition.Code, slug = article.Slug, id });
        }

        return View(article);
    }
}
