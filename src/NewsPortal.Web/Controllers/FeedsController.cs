using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NewsPortal.Web.Features.Feeds;
using NewsPortal.Web.Features.ReaderCache;
using NewsPortal.Web.Features.Site;

namespace NewsPortal.Web.Controllers;

/// <summary>
/// RSS 2.0 (<c>…/feed</c>) and Atom (<c>…/feed/atom</c>) for an edition, a section, a source, an author, a tag and the
/// corrections, with full sanitized content and the credit line. Answers 304 to a conditional GET
/// whose ETag or date still matches.
/// </summary>
public sealed class FeedsController(
    GetFeed getFeed,
    Features.People.GetAuthorPage authors,
    GetCorrectionsFeed getCorrections,
    Features.Tags.GetTagPage tags,
    BuildArticleFeed build,
    Features.LiveCoverage.GetCoverageUpdates coverage,
    IStringLocalizer<SharedResource> localizer,
    Microsoft.Extensions.Options.IOptionsSnapshot<Settings.SiteOptions> site) : ReaderController
{
    [HttpGet("{edition:edition}/feed/{format?}")]
    public async Task<IActionResult> EditionFeed([FromRoute] string? format, CancellationToken cancellationToken)
    {
        if (Parse(format) is not { } feedFormat)
        {
            return NotFound();
        }

        HttpContext.TagResponse(ReaderCacheTags.Front(Edition.Id));
        var stories = await getFeed.ExecuteAsync(Edition.Id, Edition.Code, new FeedScope.Edition(), cancellationToken);
        var links = Links(nameof(EditionFeed), new { edition = Edition.Code, format }, Url.Action("Index", "FrontPage", new { edition = Edition.Code })!);
        return Respond(build.Stories(Edition, localizer["FeedEditionTitle", site.Value.Name], links, stories, feedFormat), feedFormat);
    }

    [HttpGet("{edition:edition}/s/{section}/feed/{format?}")]
    public async Task<IActionResult> SectionFeed([FromRoute] string section, [FromRoute] string? format, CancellationToken cancellationToken)
    {
        if (Parse(format) is not { } feedFormat || Edition.FindSection(section) is not { } found)
        {
            return NotFound();
        }

        HttpContext.TagResponse(ReaderCacheTags.Section(found.Id));
        var stories = await getFeed.ExecuteAsync(Edition.Id, Edition.Code, new FeedScope.Section(found.Id), cancellationToken);
        var links = Links(nameof(SectionFeed), new { edition = Edition.Code, section, format }, Url.Action("Show", "Sections", new { edition = Edition.Code, section })!);
        return Respond(build.Stories(Edition, localizer["FeedSectionTitle", site.Value.Name, found.Name], links, stories, feedFormat), feedFormat);
    }

    [HttpGet("{edition:edition}/source/{code}/feed/{format?}")]
    public async Task<IActionResult> SourceFeed([FromRoute] string code, [FromRoute] string? format, CancellationToken cancellationToken)
    {
        var source = await getFeed.SourceAsync(code, cancellationToken);
        if (Parse(format) is not { } feedFormat || source is null)
        {
            return NotFound();
        }

        HttpContext.TagResponse(ReaderCacheTags.Source(source.Code), ReaderCacheTags.SourceList(Edition.Id, source.Code));
        var stories = await getFeed.ExecuteAsync(Edition.Id, Edition.Code, new FeedScope.Source(source.Id), cancellationToken);
        var links = Links(nameof(SourceFeed), new { edition = Edition.Code, code, format }, Url.Action("Show", "Sources", new { edition = Edition.Code, code })!);
        return Respond(build.Stories(Edition, localizer["FeedSourceTitle", site.Value.Name, source.ShortNameIn(Edition.Code)], links, stories, feedFormat), feedFormat);
    }

    [HttpGet("{edition:edition}/author/{slug}/feed/{format?}")]
    public async Task<IActionResult> AuthorFeed([FromRoute] string slug, [FromRoute] string? format, CancellationToken cancellationToken)
    {
        if (Parse(format) is not { } feedFormat || await authors.PersonAsync(slug, Edition.Id, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        HttpContext.TagResponse(ReaderCacheTags.Person(person.Id), ReaderCacheTags.PersonList(Edition.Id, person.Id));
        var stories = await getFeed.ExecuteAsync(Edition.Id, Edition.Code, new FeedScope.Person(person.Id), cancellationToken);
        var links = Links(nameof(AuthorFeed), new { edition = Edition.Code, slug, format }, Url.Action("Show", "Authors", new { edition = Edition.Code, slug })!);
        return Respond(build.Stories(Edition, localizer["FeedAuthorTitle", site.Value.Name, person.Name], links, stories, feedFormat), feedFormat);
    }

    [HttpGet("{edition:edition}/tag/{slug}/feed/{format?}")]
    public async Task<IActionResult> TagFeed([FromRoute] string slug, [FromRoute] string? format, CancellationToken cancellationToken)
    {
        if (Parse(format) is not { } feedFormat || await tags.FindAsync(Edition.Id, slug, cancellationToken) is not { } tag)
        {
            return NotFound();
        }

        HttpContext.TagResponse(ReaderCacheTags.Topic(tag.Id));
        var stories = await getFeed.ExecuteAsync(Edition.Id, Edition.Code, new FeedScope.Topic(tag.Id), cancellationToken);
        var links = Links(nameof(TagFeed), new { edition = Edition.Code, slug = tag.Slug, format }, Url.Action("Show", "Tags", new { edition = Edition.Code, slug = tag.Slug })!);
        return Respond(build.Stories(Edition, localizer["FeedTagTitle", site.Value.Name, tag.Name], links, stories, feedFormat), feedFormat);
    }

    [HttpGet("{edition:edition}/corrections/feed/{format?}")]
    public async Task<IActionResult> CorrectionsFeed([FromRoute] string? format, CancellationToken cancellationToken)
    {
        if (Parse(format) is not { } feedFormat)
        {
            return NotFound();
        }

        HttpContext.TagResponse(ReaderCacheTags.Corrections(Edition.Id));
        var corrections = await getCorrections.ExecuteAsync(Edition.Id, cancellationToken);
        var links = Links(nameof(CorrectionsFeed), new { edition = Edition.Code, format }, Url.Action("Index", "FrontPage", new { edition = Edition.Code })!);
        return Respond(build.Corrections(Edition, localizer["FeedCorrectionsTitle", site.Value.Name], links, corrections, feedFormat), feedFormat);
    }

    /// <summary>A live coverage's updates, newest first: one entry per update, at its permanent address.</summary>
    [HttpGet("{edition:edition}/a/{slug}/{id:int:min(1)}/feed/{format?}")]
    public async Task<IActionResult> CoverageFeed([FromRoute] string slug, [FromRoute] int id, [FromRoute] string? format, CancellationToken cancellationToken)
    {
        if (Parse(format) is not { } feedFormat || await coverage.VisibleCoverageAsync(id, Edition.Id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        HttpContext.TagResponse(ReaderCacheTags.Article(id));
        var updates = await coverage.LatestAsync(id, GetFeed.Size, Edition.Code, cancellationToken);
        var links = Links(nameof(CoverageFeed), new { edition = Edition.Code, slug = found.Slug, id, format }, Url.Action("Show", "Articles", new { edition = Edition.Code, slug = found.Slug, id })!);
        Uri UpdateUrl(long update) => new(Url.AbsoluteAction("Update", "Articles", new { edition = Edition.Code, slug = found.Slug, id, update }).AbsoluteUri + "#" + Features.LiveCoverage.Anchors.For(update));
        return Respond(build.Updates(Edition, localizer["CoverageFeedTitle", found.Headline], links, updates, UpdateUrl, feedFormat), feedFormat);
    }

    private static FeedFormat? Parse(string? format) => format switch
    {
        null or "rss" => FeedFormat.Rss,
        "atom" => FeedFormat.Atom,
        _ => null,
    };

    private FeedLinks Links(string action, object selfValues, string alternatePath) => new(
        Url.AbsoluteAction(action, null, selfValues),
        Url.Absolute(alternatePath),
        (id, slug) => Url.AbsoluteAction("Show", "Articles", new { edition = Edition.Code, slug, id }),
        slug => Url.AbsoluteAction("Show", "Authors", new { edition = Edition.Code, slug }));

    /// <summary>The feed, dated by its newest item; its ETag, compression and 304s come with every reader response.</summary>
    private FileContentResult Respond(FeedDocument document, FeedFormat format)
    {
        HttpContext.TagResponse(ReaderCacheTags.Feeds);
        // The header keeps whole seconds, and validators compare what it says.
        Response.GetTypedHeaders().LastModified = new DateTimeOffset(DateTime.SpecifyKind(document.LastModified, DateTimeKind.Utc));
        return File(FeedWriter.Write(document.Feed, format), FeedWriter.ContentType(format));
    }
}
