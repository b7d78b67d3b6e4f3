using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Editions;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Editing;

/// <param name="EditingBy">Whoever holds an active edit lock on the article (the row says "Editing: Ana").</param>
/// <param name="IsLive">Open live coverage: the row links to its live desk.</param>
public sealed record DashboardRow(int Id, string EditionCode, string Headline, ArticleStatus Status, IReadOnlyList<string> Contributors, DateTime UpdatedAt, DateTime? ScheduledAt, DateTime? PublishedAt, string? EditingBy = null, bool IsLive = false);

/// <summary>
/// One list of the dashboard and its current page. Its key names it everywhere: the page number travels in
/// <c>?{Key}=n</c>, and its heading and empty text are the resources <c>Dashboard.List.{Key}</c> and <c>Dashboard.Empty.{Key}</c>.
/// </summary>
public sealed record DashboardList(string Key, PagedList<DashboardRow> Rows);

/// <summary>A choice of the dashboard's tag and person filters; <paramref name="Group"/> and <paramref name="Language"/> are the edition a tag belongs to.</summary>
public sealed record DashboardOption(int Id, string Name, string? Group = null, string? Language = null);

public sealed record DashboardModel(
    string? Edition,
    string? Query,
    IReadOnlyList<EditionView> Editions,
    IReadOnlyList<DashboardList> Lists,
    DateTime Now)
{
    /// <summary>The tag the lists are filtered by, if any.</summary>
    public int? Tag { get; init; }

    /// <summary>The person (credited on the story) the lists are filtered by, if any.</summary>
    public int? Person { get; init; }

    /// <summary>The tags to filter by: the chosen edition's, or every edition's grouped by edition.</summary>
    public IReadOnlyList<DashboardOption> Tags { get; init; } = [];

    /// <summary>The people to filter by, by Latin name.</summary>
    public IReadOnlyList<DashboardOption> People { get; init; } = [];

    /// <summary>The dashboard's query with one list moved to <paramref name="page"/> and the other lists, filter and search kept.</summary>
    public Dictionary<string, object?> RouteValuesFor(string list, int page)
    {
        var values = new Dictionary<string, object?> { ["edition"] = Edition, ["q"] = string.IsNullOrEmpty(Query) ? null : Query, ["tag"] = Tag, ["person"] = Person };
        foreach (var other in Lists)
        {
            var number = other.Key == list ? page : other.Rows.Page;
            values[other.Key] = number == 1 ? null : number;
        }

        return values;
    }
}

/// <summary>The page of each dashboard list the person asked for, in the order <see cref="GetDashboard.Lists"/> names them.</summary>
public sealed record DashboardQuery(string? Edition, string? Search, int Mine = 1, int Review = 1, int Pending = 1, int Scheduled = 1, int Published = 1)
{
    /// <summary>Only stories with this tag.</summary>
    public int? Tag { get; init; }

    /// <summary>Only stories crediting this person.</summary>
    public int? Person { get; init; }
}

/// <summary>The dashboard, or why the query cannot be answered.</summary>
public sealed record DashboardResult(DashboardModel? Model, Notice? Problem);

/// <summary>
/// The editor's start page: my drafts, in review, live stories with changes waiting for review, scheduled (overdue first), recently published, each
/// paged on its own, optionally only one edition's, one tag's or one credited person's stories. The search finds articles of every status by headline, lead or body text. It does
/// not use the reader's full-text index: that index holds published stories only (its triggers skip
/// every other status), and the newsroom must find its drafts too. A substring match over three
/// columns is a scan, which the few people of a newsroom can afford.
/// </summary>
public sealed class GetDashboard(NewsPortalDbContext db, EditionCatalog editions, TimeProvider time, IOptionsSnapshot<SiteOptions> site)
{
    public const int RowsPerList = 25;

    /// <summary>The longest search the dashboard runs; the search box says the same.</summary>
    public const int MaxQueryLength = 200;

    private const string LikeEscape = "\\";

    /// <summary>Why a page number was refused: the range the lists accept.</summary>
    public Notice PageNumberProblem => new("Dashboard.Problem.PageNumber", site.Value.MaxPage);

    /// <summary>Why a tag or person filter was refused: it names neither by its number.</summary>
    public static Notice FilterProblem => new("Dashboard.Problem.Filter");

    public async Task<DashboardResult> ExecuteAsync(DashboardQuery request, EditorIdentity who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(who);
        var pages = new[] { request.Mine, request.Review, request.Pending, request.Scheduled, request.Published };
        if (pages.Any(p => p < 1 || p > site.Value.MaxPage))
        {
            return new DashboardResult(null, PageNumberProblem);
        }

        var search = request.Search?.Trim();
        if (search?.Length > MaxQueryLength)
        {
            return new DashboardResult(null, new Notice("Dashboard.Problem.SearchTooLong", MaxQueryLength));
        }

        var filter = editions.Find(request.Edition);
        var query = db.Articles.AsNoTracking();
        if (filter is not null)
        {
            query = query.Where(a => a.EditionId == filter.Id);
        }

        if (request.Tag is { } tagId)
        {
            query = query.Where(a => a.Tags.Any(t => t.TagId == tagId));
        }

        if (request.Person is { } personId)
        {
            query = query.Where(a => a.Contributors.Any(c => c.PersonId == personId));
        }

        if (!string.IsNullOrEmpty(search))
        {
            // Regardless of case on both databases: SQLite's LIKE ignores ASCII case; PostgreSQL's ILIKE ignores case in every script.
            var pattern = "%" + EscapeLike(search) + "%";
            query = db.Database.IsNpgsql()
                ? query.Where(a => EF.Functions.ILike(a.Headline, pattern, LikeEscape)
                    || EF.Functions.ILike(a.Lead, pattern, LikeEscape)
                    || EF.Functions.ILike(a.BodyText, pattern, LikeEscape))
                : query.Where(a => EF.Functions.Like(a.Headline, pattern, LikeEscape)
                    || EF.Functions.Like(a.Lead, pattern, LikeEscape)
                    || EF.Functions.Like(a.BodyText, pattern, LikeEscape));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var locks = new LockCutoffs(now - EditLock.HeartbeatExpiry, now - EditLock.WithoutHeartbeatExpiry);
        var lists = new List<DashboardList>
        {
            await ListAsync("mine", query.Where(a => a.CreatedById == who.UserId && (a.Status == ArticleStatus.Draft || a.Status == ArticleStatus.Unpublished)).OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id), request.Mine, locks, cancellationToken),
            await ListAsync("review", query.Where(a => a.Status == ArticleStatus.InReview && (who.CanPublish || a.CreatedById == who.UserId)).OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id), request.Review, locks, cancellationToken),
            await ListAsync("pending", query.Where(a => a.Status == ArticleStatus.Published && a.PendingContent != null).OrderByDescending(a => a.PendingSavedAt).ThenByDescending(a => a.Id), request.Pending, locks, cancellationToken),
            await ListAsync("scheduled", query.Where(a => a.Status == ArticleStatus.Scheduled).OrderBy(a => a.ScheduledAt).ThenBy(a => a.Id), request.Scheduled, locks, cancellationToken),
            await ListAsync("published", query.Where(a => a.Status == ArticleStatus.Published).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id), request.Published, locks, cancellationToken),
        };
        var tags = db.Tags.AsNoTracking();
        if (filter is not null)
        {
            tags = tags.Where(t => t.EditionId == filter.Id);
        }

        var tagRows = await tags.OrderBy(t => t.Name).ThenBy(t => t.Id).Select(t => new { t.Id, t.Name, t.EditionId }).ToListAsync(cancellationToken);
        var people = await db.People.AsNoTracking().OrderBy(p => p.LatinName).ThenBy(p => p.Id).Select(p => new DashboardOption(p.Id, p.LatinName)).ToListAsync(cancellationToken);
        return new DashboardResult(new DashboardModel(filter?.Code, search, editions.All, lists, now)
        {
            Tag = request.Tag,
            Person = request.Person,
            // In the catalog's edition order, each edition's tags by name.
            Tags = editions.All.SelectMany(e => tagRows.Where(t => t.EditionId == e.Id).Select(t => new DashboardOption(t.Id, t.Name, e.EnglishName, e.Code))).ToList(),
            People = people,
        }, null);
    }

    /// <summary>The last signs of life an active lock may date from, with and without a heartbeat.</summary>
    private sealed record LockCutoffs(DateTime WithHeartbeat, DateTime WithoutHeartbeat);

    /// <summary>The search text matched literally: LIKE's wildcards <c>%</c> and <c>_</c> (and the escape character) lose their meaning.</summary>
    private static string EscapeLike(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);

    private async Task<DashboardList> ListAsync(string key, IQueryable<Article> articles, int page, LockCutoffs locks, CancellationToken cancellationToken)
    {
        var total = await articles.CountAsync(cancellationToken);
        // A lock is active until its expiry (see EditLock.ExpiresAt), written here as the last sign of life it needs.
        var withHeartbeat = locks.WithHeartbeat;
        var withoutHeartbeat = locks.WithoutHeartbeat;
        var rows = await articles.Skip((page - 1) * RowsPerList).Take(RowsPerList)
            .Select(a => new DashboardRow(a.Id, a.Edition.Code, a.Headline, a.Status, a.Contributors.OrderBy(c => c.Order).Select(c => c.Person.LatinName).ToList(), a.UpdatedAt, a.ScheduledAt, a.PublishedAt,
                db.EditLocks.Where(l => l.ArticleId == a.Id && (l.HasHeartbeat ? l.LastSeenAt > withHeartbeat : l.LastSeenAt > withoutHeartbeat))
                    .Select(l => l.HolderName).FirstOrDefault(),
                a.IsLiveCoverage && a.CoverageEndedAt == null))
            .ToListAsync(cancellationToken);
        return new DashboardList(key, new PagedList<DashboardRow>(rows, page, RowsPerList, total));
    }
}
