using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Editions;
using NewsPortal.Web.Hosting;

namespace NewsPortal.Web.Areas.Editor.Controllers;

public sealed record DashboardRow(int Id, string EditionCode, string Headline, ArticleStatus Status, string Author, DateTime UpdatedAt, DateTime? ScheduledAt, DateTime? PublishedAt);

/// <summary>One list of the dashboard: its query-string key (its page number travels in <c>?{Key}=n</c>), heading and current page.</summary>
public sealed record DashboardList(string Key, string Heading, string Empty, PagedList<DashboardRow> Rows);

public sealed record DashboardModel(
    string? Edition,
    string? Query,
    IReadOnlyList<EditionView> Editions,
    IReadOnlyList<DashboardList> Lists,
    DateTime Now)
{
    /// <summary>The dashboard's query with one list moved to <paramref name="page"/> and the other lists, filter and search kept.</summary>
    public Dictionary<string, object?> RouteValuesFor(string list, int page)
    {
        var values = new Dictionary<string, object?> { ["edition"] = Edition, ["q"] = string.IsNullOrEmpty(Query) ? null : Query };
        foreach (var other in Lists)
        {
            var number = other.Key == list ? page : other.Rows.Page;
            values[other.Key] = number == 1 ? null : number;
        }

        return values;
    }
}

/// <summary>
/// The editor's start page: my drafts, in review, live stories with changes waiting for review, scheduled (overdue first), recently published, each
/// paged on its own. The search finds articles of every status by headline, lead or body text. It does
/// not use the reader's full-text index: that index holds published stories only (its triggers skip
/// every other status), and the newsroom must find its drafts too. A substring match over three
/// columns is a scan, which the few people of a newsroom can afford.
/// </summary>
[Route("editor")]
public sealed class DashboardController(NewsPortalDbContext db, EditionCatalog editions, TimeProvider time, IOptionsSnapshot<SiteOptions> site) : EditorController
{
    public const int RowsPerList = 25;

    /// <summary>The longest search the dashboard runs; the search box says the same.</summary>
    public const int MaxQueryLength = 200;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? edition, string? q, int mine = 1, int review = 1, int pending = 1, int scheduled = 1, int published = 1, CancellationToken cancellationToken = default)
    {
        var pages = new[] { mine, review, pending, scheduled, published };
        if (!ModelState.IsValid || pages.Any(p => p < 1 || p > site.Value.MaxPage))
        {
            return BadRequest($"A page number is a whole number from 1 to {site.Value.MaxPage}.");
        }

        var who = Who;
        var filter = editions.Find(edition);
        var query = db.Articles.AsNoTracking();
        if (filter is not null)
        {
            query = query.Where(a => a.EditionId == filter.Id);
        }

        var search = q?.Trim();
        if (search?.Length > MaxQueryLength)
        {
            return BadRequest($"Search for at most {MaxQueryLength} characters.");
        }

        if (!string.IsNullOrEmpty(search))
        {
            var pattern = "%" + EscapeLike(search) + "%";
            query = query.Where(a => EF.Functions.Like(a.Headline, pattern, LikeEscape)
                || EF.Functions.Like(a.Lead, pattern, LikeEscape)
                || EF.Functions.Like(a.BodyText, pattern, LikeEscape));
        }

        var lists = new List<DashboardList>
        {
            new("mine", "My drafts", "You have no drafts.", await PageAsync(query.Where(a => a.CreatedById == who.UserId && (a.Status == ArticleStatus.Draft || a.Status == ArticleStatus.Unpublished)).OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id), mine, cancellationToken)),
            new("review", "In review", "Nothing is waiting for review.", await PageAsync(query.Where(a => a.Status == ArticleStatus.InReview && (who.CanPublish || a.CreatedById == who.UserId)).OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id), review, cancellationToken)),
            new("pending", "Live, with changes waiting for review", "No live story has changes waiting.", await PageAsync(query.Where(a => a.Status == ArticleStatus.Published && a.PendingContent != null).OrderByDescending(a => a.PendingSavedAt).ThenByDescending(a => a.Id), pending, cancellationToken)),
            new("scheduled", "Scheduled", "Nothing is scheduled.", await PageAsync(query.Where(a => a.Status == ArticleStatus.Scheduled).OrderBy(a => a.ScheduledAt).ThenBy(a => a.Id), scheduled, cancellationToken)),
            new("published", "Recently published", "Nothing is published yet.", await PageAsync(query.Where(a => a.Status == ArticleStatus.Published).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id), published, cancellationToken)),
        };
        return View(new DashboardModel(filter?.Code, search, editions.All, lists, time.GetUtcNow().UtcDateTime));
    }

    private const string LikeEscape = "\\";

    /// <summary>The search text matched literally: LIKE's wildcards <c>%</c> and <c>_</c> (and the escape character) lose their meaning.</summary>
    private static string EscapeLike(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);

    private static async Task<PagedList<DashboardRow>> PageAsync(IQueryable<Article> articles, int page, CancellationToken cancellationToken)
    {
        var total = await articles.CountAsync(cancellationToken);
        var rows = await articles.Skip((page - 1) * RowsPerList).Take(RowsPerList)
            .Select(a => new DashboardRow(a.Id, a.Edition.Code, a.Headline, a.Status, a.Author, a.UpdatedAt, a.ScheduledAt, a.PublishedAt))
            .ToListAsync(cancellationToken);
        return new PagedList<DashboardRow>(rows, page, RowsPerList, total);
    }
}
