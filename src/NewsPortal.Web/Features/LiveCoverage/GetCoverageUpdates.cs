using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;

namespace NewsPortal.Web.Features.LiveCoverage;

/// <summary>
/// Reads the updates of a live coverage a page at a time, newest first, by id: a page is "the <see cref="PageSize"/>
/// updates up to this one", so its address stays the same however many updates are posted after it, and the
/// newest page is a short index range scan however long the coverage runs. Removed updates keep their place
/// (readers see that something was removed, and why) but none of their content.
/// </summary>
public sealed class GetCoverageUpdates(NewsPortalDbContext db, Editions.EditionCatalog editions, TimeProvider time)
{
    public const int PageSize = 20;

    /// <summary>At most this many newer updates are sent to a reader's "new updates" notice at once.</summary>
    public const int NewerLimit = 50;

    public sealed record CoverageState(bool IsLiveCoverage, DateTime? StartedAt, DateTime? EndedAt, DateTime? PublishedAt);

    public sealed record VisibleCoverage(int Id, string Slug, string Headline);

    /// <summary>The coverage with this id in this edition, if readers can see it.</summary>
    public Task<VisibleCoverage?> VisibleCoverageAsync(int articleId, int editionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId && a.EditionId == editionId && a.IsLiveCoverage && a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .Select(a => new VisibleCoverage(a.Id, a.Slug, a.Headline))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <param name="upTo">The newest update of the page; null for the newest page.</param>
    /// <returns>Null when the page names an update that is not this coverage's.</returns>
    public async Task<CoverageView?> PageAsync(int articleId, CoverageState state, long? upTo, string language, CancellationToken cancellationToken)
    {
        var rows = await Rows(db.LiveUpdates.Where(u => u.ArticleId == articleId && (upTo == null || u.Id <= upTo)).OrderByDescending(u => u.Id).Take(PageSize + 1))
            .ToListAsync(cancellationToken);

        // A page starts with the update it names: anything else is not one of this coverage's updates.
        if (upTo is { } first && (rows.Count == 0 || rows[0].Id != first))
        {
            return null;
        }

        var earlierFrom = rows.Count > PageSize ? rows[PageSize].Id : (long?)null;
        var updates = await ViewsAsync(rows.Take(PageSize).ToList(), language, cancellationToken);

        var live = db.LiveUpdates.AsNoTracking().Where(u => u.ArticleId == articleId && u.RemovedAt == null);
        var keyUpdates = await live.Where(u => u.IsPinned)
            .OrderByDescending(u => u.Id)
            .Select(u => new { u.Id, u.PostedAt, u.Title, u.BodyText, u.QuoteText })
            .Take(12)
            .ToListAsync(cancellationToken);
        // How many updates readers can see, and when the last was posted: one aggregate over the coverage's index range.
        var stats = await live.GroupBy(u => u.ArticleId)
            .Select(g => new { Count = g.Count(), Last = g.Max(u => u.PostedAt) })
            .FirstOrDefaultAsync(cancellationToken);
        var count = stats?.Count ?? 0;
        DateTime? last = stats?.Last;
        // Only the newest page checks for newer updates, and its first row is the newest there is.
        var newest = upTo is null && rows.Count > 0 ? rows[0].Id : 0;

        return new CoverageView(
            state.IsLiveCoverage && state.EndedAt is null,
            state.StartedAt ?? state.PublishedAt ?? DateTime.UnixEpoch,
            state.EndedAt,
            count,
            last,
            keyUpdates.Select(k => new KeyUpdateView(k.Id, k.PostedAt, k.Title ?? Anchors.Shorten(k.BodyText.Length > 0 ? k.BodyText : k.QuoteText ?? "", 160))).ToList(),
            updates,
            upTo,
            earlierFrom)
        {
            NewestId = newest,
        };
    }

    /// <summary>The updates posted after <paramref name="after"/>, newest first, at most <see cref="NewerLimit"/>; and whether there are more.</summary>
    public async Task<(IReadOnlyList<LiveUpdateView> Updates, bool More, long NewestId)> NewerAsync(int articleId, long after, string language, CancellationToken cancellationToken)
    {
        var rows = await Rows(db.LiveUpdates.Where(u => u.ArticleId == articleId && u.Id > after).OrderByDescending(u => u.Id).Take(NewerLimit + 1))
            .ToListAsync(cancellationToken);
        var views = await ViewsAsync(rows.Take(NewerLimit).ToList(), language, cancellationToken);
        return (views, rows.Count > NewerLimit, rows.Count > 0 ? rows[0].Id : after);
    }

    /// <summary>The newest updates that are not removed, for feeds, the text-only page and structured data.</summary>
    public async Task<IReadOnlyList<LiveUpdateView>> LatestAsync(int articleId, int count, string language, CancellationToken cancellationToken)
    {
        var rows = await Rows(db.LiveUpdates.Where(u => u.ArticleId == articleId && u.RemovedAt == null).OrderByDescending(u => u.Id).Take(count))
            .ToListAsync(cancellationToken);
        return await ViewsAsync(rows, language, cancellationToken);
    }

    /// <summary>The columns a page shows, for updates already ordered newest first.</summary>
    private static IQueryable<LiveUpdateView> Rows(IQueryable<LiveUpdate> updates) =>
        updates.AsNoTracking().Select(u => new LiveUpdateView(
            u.Id,
            u.PostedAt,
            NoContributors,
            u.Title,
            u.BodyHtml,
            u.BodyText,
            u.Image == null
                ? null
                : new ImageView(u.Image.StorageKey, u.Image.Width, u.Image.Height, u.Image.AltText, u.Image.IsDecorative, u.Image.Caption, u.Image.Credit),
            u.QuoteText,
            u.QuoteAttribution,
            u.IsPinned,
            u.CorrectionNote,
            u.CorrectedAt,
            u.RemovedAt,
            u.RemovalReason,
            NoSources));

    private static readonly IReadOnlyList<CreditedSource> NoSources = [];

    private static readonly IReadOnlyList<People.PersonCredit> NoContributors = [];

    private async Task<IReadOnlyList<LiveUpdateView>> ViewsAsync(List<LiveUpdateView> rows, string language, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var credits = (await db.Set<LiveUpdateSource>().AsNoTracking()
            .Where(s => ids.Contains(s.LiveUpdateId))
            .OrderBy(s => s.Order)
            .Select(s => new
            {
                s.LiveUpdateId,
                s.Source.Code,
                s.Source.ShortName,
                s.Source.FullName,
                LocalShort = s.Source.LocalNames.Where(n => n.Language == language).Select(n => n.ShortName).FirstOrDefault(),
                LocalFull = s.Source.LocalNames.Where(n => n.Language == language).Select(n => n.FullName).FirstOrDefault(),
                s.Source.Kind,
            })
            .ToListAsync(cancellationToken))
            .ToLookup(s => s.LiveUpdateId, s => new CreditedSource(s.Code, s.LocalShort ?? s.ShortName, s.LocalFull ?? s.FullName, s.Kind, SourceRole.Reporting));

        // Named as the coverage's edition knows them; a pen name is a person of its own.
        var editionId = editions.Find(language)?.Id ?? 0;
        var people = (await db.LiveUpdateContributors.AsNoTracking()
            .Where(c => ids.Contains(c.LiveUpdateId))
            .OrderBy(c => c.Order)
            .Select(c => new
            {
                c.LiveUpdateId,
                Credit = new People.PersonCredit(
                    c.PersonId,
                    c.Person.Profiles.Where(p => p.EditionId == editionId).Select(p => p.DisplayName).FirstOrDefault() ?? c.Person.LatinName,
                    c.Person.Slug,
                    c.Role),
            })
            .ToListAsync(cancellationToken))
            .ToLookup(c => c.LiveUpdateId, c => c.Credit);

        // A removed update keeps its place, its time and the reason; nothing it said is sent.
        return rows.Select(r => r.IsRemoved
            ? new LiveUpdateView(r.Id, r.PostedAt, NoContributors, null, "", "", null, null, null, false, null, null, r.RemovedAt, r.RemovalReason, NoSources)
            : r with { Contributors = people[r.Id].ToList(), Sources = credits[r.Id].ToList() })
            .ToList();
    }
}
