using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Features.Editions;
using NewsPortal.Web.Features.ReaderCache;
using NewsPortal.Web.Features.Reading;

namespace NewsPortal.Web.ViewComponents;

/// <summary>The edition's most-read stories of the last 24 hours, the same list on every page that shows it.</summary>
/// <param name="Current">The story of the page showing the list, marked in it when it is one of them.</param>
public sealed record MostReadList(EditionView Edition, IReadOnlyList<MostReadStory> Stories, int? Current);

/// <summary>
/// The most-read list on the front page and the article page, from memory (<see cref="MostReadLists"/>). A cached
/// page that shows it is tagged with each story listed (a change to one evicts it) and lives at most
/// <see cref="ReadsOptions.MostReadPageMaxAgeSeconds"/>, so the list on it is never older than that plus a refresh.
/// </summary>
public sealed class MostReadViewComponent(MostReadLists lists, CurrentEdition current, IOptionsMonitor<ReadsOptions> options) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int? currentArticle = null)
    {
        if (Features.Mirror.MirrorRendering.Of(HttpContext) is not null)
        {
            // A static copy has no reads to count, and a list that changes every minute would make every page change.
            return Content(string.Empty);
        }

        var edition = current.Edition;
        var stories = await lists.ForEditionAsync(edition.Id);
        if (HttpContext.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            var maxAge = TimeSpan.FromSeconds(options.CurrentValue.MostReadPageMaxAgeSeconds);
            if (cache.ResponseExpirationTimeSpan is not { } lifetime || lifetime > maxAge)
            {
                cache.ResponseExpirationTimeSpan = maxAge;
            }

            HttpContext.TagResponse(stories.Select(s => ReaderCacheTags.Article(s.Id)));
        }

        return stories.Count == 0 ? Content(string.Empty) : View(new MostReadList(edition, stories, currentArticle));
    }
}
