using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editions;

namespace NewsPortal.Web.Areas.Editor.Controllers;

public sealed record DashboardRow(int Id, string EditionCode, string Headline, ArticleStatus Status, string Author, DateTime UpdatedAt, DateTime? ScheduledAt, DateTime? PublishedAt);

public sealed record DashboardModel(
    string? Edition,
    string? Query,
    IReadOnlyList<EditionView> Editions,
    IReadOnlyList<DashboardRow> MyDrafts,
    IReadOnlyList<DashboardRow> InReview,
    IReadOnlyList<DashboardRow> Scheduled,
    IReadOnlyList<DashboardRow> RecentlyPublished,
    DateTime Now);

/// <summary>The editor's start page: my drafts, in review, scheduled (overdue first), recently published.</summary>
[Route("editor")]
public sealed class DashboardController(NewsPortalDbContext db, EditionCatalog editions, TimeProvider time) : EditorController
{
    private const int RowsPerList = 25;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? edition, string? q, CancellationToken cancellationToken)
    {
        var who = Who;
        var filter = editions.Find(edition);
        var query = db.Articles.AsNoTracking();
        if (filter is not null)
        {
            query = query.Where(a => a.EditionId == filter.Id);
        }

        if (!string.IsNullOrWhiteSpace(q) && q.Length <= 200)
        {
            query = query.Where(a => EF.Functions.Like(a.Headline, "%" + q.Trim() + "%"));
        }

        var mine = await Rows(query.Where(a => a.CreatedById == who.UserId && (a.Status == ArticleStatus.Draft || a.Status == ArticleStatus.Unpublished)).OrderByDescending(a => a.UpdatedAt), cancellationToken);
        var review = await Rows(query.Where(a => a.Status == ArticleStatus.InReview && (who.CanPublish || a.CreatedById == who.UserId)).OrderByDescending(a => a.UpdatedAt), cancellationToken);
        var scheduled = await Rows(query.Where(a => a.Status == ArticleStatus.Scheduled).OrderBy(a => a.ScheduledAt), cancellationToken);
        var published = await Rows(query.Where(a => a.Status == ArticleStatus.Published).OrderByDescending(a => a.PublishedAt), cancellationToken);
        return View(new DashboardModel(filter?.Code, q, editions.All, mine, review, scheduled, published, time.GetUtcNow().UtcDateTime));
    }

    private static async Task<IReadOnlyList<DashboardRow>> Rows(IQueryable<Article> articles, CancellationToken cancellationToken) =>
        await articles.Take(RowsPerList)
            .Select(a => new DashboardRow(a.Id, a.Edition.Code, a.Headline, a.Status, a.Author, a.UpdatedAt, a.ScheduledAt, a.PublishedAt))
            .ToListAsync(cancellationToken);
}
