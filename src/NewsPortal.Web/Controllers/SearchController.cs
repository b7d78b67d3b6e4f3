using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.ReaderCache;
using NewsPortal.Web.Features.Search;
using NewsPortal.Web.Settings;
using NewsPortal.Web.Features.Site;
using NewsPortal.Web.Hosting;
using NewsPortal.Web.Views;

namespace NewsPortal.Web.Controllers;

public sealed record SearchPageModel(string Query, string? Problem, PagedList<SearchHit>? Results, int MaxLength = 200)
{
    /// <summary>The edition's tags whose names match the search (first page only), listed above the stories.</summary>
    public IReadOnlyList<Features.Tags.TagLink> Tags { get; init; } = [];

    /// <summary>The edition's people whose names match the search (first page only), listed above the stories.</summary>
    public IReadOnlyList<Features.People.FoundPerson> People { get; init; } = [];
}

public sealed class SearchController(IArticleSearch search, FindTags findTags, Features.People.FindPeople findPeople, IOptionsSnapshot<SiteOptions> site) : ReaderController
{
    /// <summary>
    /// Searches the edition. An empty query shows the form; an over-long one answers 400 with a message;
    /// query syntax of the search engine is only searched for (<see cref="SearchQuery"/>), never executed.
    /// </summary>
    [HttpGet("{edition:edition}/search")]
    [EnableRateLimiting(RateLimitingExtensions.SearchPolicy)]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken cancellationToken = default)
    {
        if (CheckPage(page) is { } refused)
        {
            return refused;
        }

        HttpContext.TagResponse(ReaderCacheTags.Search(Edition.Id));
        var query = SearchQuery.Normalize(q);
        PageMetadata.Update(HttpContext, m => m with { SearchQuery = query });
        var max = site.Value.MaxSearchLength;
        if (query.Length > max)
        {
            Refuse(BadRequestReason.Malformed, $"search of {query.Length} characters");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new SearchPageModel(query[..max], "SearchQueryTooLong", null, max));
        }

        var terms = SearchQuery.Parse(query);
        if (terms.Count == 0)
        {
            return View(new SearchPageModel(query, query.Length == 0 ? null : "SearchEmptyQuery", null));
        }

        var results = await search.ExecuteAsync(Edition.Id, terms, page, cancellationToken);
        if (!results.Exists)
        {
            return NotFound();
        }

        var tags = page == 1 ? await findTags.ExecuteAsync(Edition.Id, terms, Edition.Culture, cancellationToken) : [];
        var people = page == 1 ? await findPeople.ExecuteAsync(Edition.Id, query, cancellationToken) : [];
        return View(new SearchPageModel(query, null, results) { Tags = tags, People = people });
    }
}
