using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.LiveCoverage;
using NewsPortal.Web.Features.ReaderCache;
using NewsPortal.Web.Features.Reading;

namespace NewsPortal.Web.Controllers;

public sealed class ArticlesController(GetArticlePage articlePage, GetCoverageUpdates coverage) : ReaderController
{
    /// <summary>The id finds the article; a stale slug or edition answers 301 to the canonical URL.</summary>
    [HttpGet("{edition:edition}/a/{slug}/{id:int:min(1)}")]
    [CountsReads]
    public Task<IActionResult> Show([FromRoute] string slug, [FromRoute] int id, CancellationToken cancellationToken) =>
        CanonicalAsync(nameof(Show), slug, id, cancellationToken);

    /// <summary>The text-only page for slow and censored networks: no pictures, no stylesheet to fetch, no script.</summary>
    /// <remarks>A read like the full page: readers on slow and censored networks count in the most-read lists too.</remarks>
    [HttpGet("{edition:edition}/a/{slug}/{id:int:min(1)}/lite")]
    [CountsReads]
    public Task<IActionResult> Lite([FromRoute] string slug, [FromRoute] int id, CancellationToken cancellationToken) =>
        CanonicalAsync(nameof(Lite), slug, id, cancellationToken);

    /// <summary>
    /// A live update's permanent address: the coverage page that starts with it (it and the updates before it),
    /// the same page however many updates follow. Shared as <c>…/updates/42#update-42</c>.
    /// </summary>
    [HttpGet("{edition:edition}/a/{slug}/{id:int:min(1)}/updates/{update:long:min(1)}")]
    public Task<IActionResult> Update([FromRoute] string slug, [FromRoute] int id, [FromRoute] long update, CancellationToken cancellationToken) =>
        CanonicalAsync(nameof(Update), slug, id, cancellationToken, update);

    /// <summary>The text-only page of live updates that starts with <paramref name="update"/>.</summary>
    [HttpGet("{edition:edition}/a/{slug}/{id:int:min(1)}/updates/{update:long:min(1)}/lite")]
    public Task<IActionResult> LiteUpdate([FromRoute] string slug, [FromRoute] int id, [FromRoute] long update, CancellationToken cancellationToken) =>
        CanonicalAsync(nameof(LiteUpdate), slug, id, cancellationToken, update);

    /// <summary>
    /// The updates posted after <paramref name="after"/>, as an HTML fragment for the reader's "new updates" notice.
    /// Cached like the page and evicted with it, so every reader asking about the same update shares one answer.
    /// </summary>
    [HttpGet("{edition:edition}/a/{slug}/{id:int:min(1)}/updates/after/{after:long:min(0)}")]
    public async Task<IActionResult> Newer([FromRoute] string slug, [FromRoute] int id, [FromRoute] long after, CancellationToken cancellationToken)
    {
        if (await coverage.VisibleCoverageAsync(id, Edition.Id, cancellationToken) is not { } article)
        {
            return NotFound();
        }

        HttpContext.TagResponse(ReaderCacheTags.Article(id));
        var (updates, more, newest) = await coverage.NewerAsync(id, after, Edition.Code, cancellationToken);
        return PartialView("NewUpdates", new NewUpdatesFragment(new LiveUpdateLinks(Edition, article.Slug, id), updates, more, newest));
    }

    private async Task<IActionResult> CanonicalAsync(string action, string slug, int id, CancellationToken cancellationToken, long? update = null)
    {
        var article = await articlePage.ExecuteAsync(id, cancellationToken, updatesUpTo: update);
        if (article is null)
        {
            return NotFound();
        }

        // The page shows its related stories' headlines and its people's names: a change to one of them evicts it too.
        HttpContext.TagResponse(article.Sources.Select(s => ReaderCacheTags.Source(s.Code)).Append(ReaderCacheTags.Article(article.Id))
            .Concat(article.Related.Select(r => ReaderCacheTags.Article(r.Id)))
            .Concat(article.Contributors.Concat(article.Coverage?.Updates.SelectMany(u => u.Contributors) ?? [])
                .Select(c => c.PersonId).Distinct().Select(ReaderCacheTags.Person)));
        if (article.TranslationGroupId is { } group)
        {
            HttpContext.TagResponse(ReaderCacheTags.TranslationGroup(group));
        }

        return article.Slug != slug || article.Edition.Code != Edition.Code
            ? RedirectToActionPermanent(action, new { edition = article.Edition.Code, slug = article.Slug, id, update })
            : View(action switch { nameof(Update) => nameof(Show), nameof(LiteUpdate) => nameof(Lite), _ => action }, article);
    }
}
