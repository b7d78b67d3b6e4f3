using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.ReaderCache;

namespace NewsPortal.Web.Controllers;

public sealed class ArticlesController(GetArticlePage articlePage) : ReaderController
{
    /// <summary>The id finds the article; a stale slug or edition answers 301 to the canonical URL.</summary>
    [HttpGet("{edition:edition}/a/{slug}/{id:int:min(1)}")]
    public Task<IActionResult> Show([FromRoute] string slug, [FromRoute] int id, CancellationToken cancellationToken) =>
        CanonicalAsync(nameof(Show), slug, id, cancellationToken);

    /// <summary>The text-only page for slow and censored networks: no pictures, no stylesheet to fetch, no script.</summary>
    [HttpGet("{edition:edition}/a/{slug}/{id:int:min(1)}/lite")]
    public Task<IActionResult> Lite([FromRoute] string slug, [FromRoute] int id, CancellationToken cancellationToken) =>
        CanonicalAsync(nameof(Lite), slug, id, cancellationToken);

    private async Task<IActionResult> CanonicalAsync(string action, string slug, int id, CancellationToken cancellationToken)
    {
        var article = await articlePage.ExecuteAsync(id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        HttpContext.TagResponse(article.Sources.Select(s => ReaderCacheTags.Source(s.Code)).Append(ReaderCacheTags.Article(article.Id)));
        if (article.TranslationGroupId is { } group)
        {
            HttpContext.TagResponse(ReaderCacheTags.TranslationGroup(group));
        }

        return article.Slug != slug || article.Edition.Code != Edition.Code
            ? RedirectToActionPermanent(action, new { edition = article.Edition.Code, slug = article.Slug, id })
            : View(action, article);
    }
}
