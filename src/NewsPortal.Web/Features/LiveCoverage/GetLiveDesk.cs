using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editions;

namespace NewsPortal.Web.Features.LiveCoverage;

/// <summary>An update as the desk lists it, with what its buttons need.</summary>
public sealed record DeskUpdate(
    long Id,
    DateTime PostedAt,
    string AuthorName,
    string? Title,
    string BodyText,
    string? QuoteText,
    bool HasImage,
    bool IsPinned,
    DateTime? RemovedAt,
    string? RemovalReason,
    string? CorrectionNote,
    int Version)
{
    public string Anchor => Anchors.For(Id);

    public bool IsRemoved => RemovedAt is not null;
}

public sealed record SourceChoice(string Code, string Name);

/// <summary>The live desk of one article: its coverage state, the "post update" form and the updates, newest first.</summary>
public sealed record LiveDeskPage(
    int ArticleId,
    string Headline,
    string Slug,
    EditionView Edition,
    ArticleStatus Status,
    bool IsLiveCoverage,
    bool IsOpen,
    DateTime? EndedAt,
    int UpdateCount,
    IReadOnlyList<DeskUpdate> Updates,
    long? OlderFrom,
    IReadOnlyList<SourceChoice> Sources,
    LiveUpdateForm Form,
    IReadOnlyList<string> Problems)
{
    /// <summary>The people a new update can credit.</summary>
    public IReadOnlyList<Editing.PersonOption> People { get; init; } = [];

    /// <summary>The update being corrected, when the page is the correction form.</summary>
    public DeskUpdate? Correcting { get; init; }

    public ImageSummary? CorrectingImage { get; init; }
}

public sealed record ImageSummary(string? AltText, bool IsDecorative, string? Caption, string? Credit);

/// <summary>Reads the live desk of an article: a page of <see cref="PageSize"/> updates at a time, newest first.</summary>
public sealed class GetLiveDesk(NewsPortalDbContext db, EditionCatalog editions)
{
    public const int PageSize = 50;

    public async Task<LiveDeskPage?> ExecuteAsync(int articleId, long? before, LiveUpdateForm? form, IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId)
            .Select(a => new { a.Id, a.Headline, a.Slug, a.EditionId, a.Status, a.IsLiveCoverage, a.CoverageEndedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null || editions.All.FirstOrDefault(e => e.Id == article.EditionId) is not { } edition)
        {
            return null;
        }

        var rows = await db.LiveUpdates.AsNoTracking()
            .Where(u => u.ArticleId == articleId && (before == null || u.Id < before))
            .OrderByDescending(u => u.Id)
            .Take(PageSize + 1)
            .Select(u => new DeskUpdate(u.Id, u.PostedAt, u.AuthorName, u.Title, u.BodyText, u.QuoteText, u.ImageId != null, u.IsPinned, u.RemovedAt, u.RemovalReason, u.CorrectionNote, u.Version))
            .ToListAsync(cancellationToken);
        var count = await db.LiveUpdates.CountAsync(u => u.ArticleId == articleId && u.RemovedAt == null, cancellationToken);
        var sources = await db.Sources.AsNoTracking()
            .OrderBy(s => s.ShortName)
            .Select(s => new { s.Code, s.ShortName, Local = s.LocalNames.Where(n => n.Language == edition.Code).Select(n => n.ShortName).FirstOrDefault() })
            .ToListAsync(cancellationToken);

        return new LiveDeskPage(
            article.Id,
            article.Headline,
            article.Slug,
            edition,
            article.Status,
            article.IsLiveCoverage,
            article.IsLiveCoverage && article.CoverageEndedAt is null,
            article.CoverageEndedAt,
            count,
            rows.Take(PageSize).ToList(),
            rows.Count > PageSize ? rows[PageSize - 1].Id : null,
            sources.Select(s => new SourceChoice(s.Code, s.Local ?? s.ShortName)).ToList(),
            form ?? new LiveUpdateForm(),
            problems)
        {
            People = await Editing.PersonOption.AllAsync(db, edition.Id, cancellationToken),
        };
    }

    /// <summary>The desk page as the correction form of one update, filled with what it says now (or what was posted).</summary>
    public async Task<LiveDeskPage?> CorrectionAsync(int articleId, long updateId, LiveUpdateForm? posted, IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        var update = await db.LiveUpdates.AsNoTracking().Include(u => u.Sources).ThenInclude(s => s.Source).Include(u => u.Image)
            .FirstOrDefaultAsync(u => u.Id == updateId && u.ArticleId == articleId, cancellationToken);
        if (update is null || await ExecuteAsync(articleId, null, null, problems, cancellationToken) is not { } desk)
        {
            return null;
        }

        var form = posted ?? new LiveUpdateForm
        {
            Title = update.Title,
            Body = update.BodyMarkdown,
            Quote = update.QuoteText,
            QuoteBy = update.QuoteAttribution,
            AltText = update.Image?.AltText,
            ImageIsDecorative = update.Image?.IsDecorative ?? false,
            Caption = update.Image?.Caption,
            Credit = update.Image?.Credit,
            Sources = [.. update.Sources.OrderBy(s => s.Order).Select(s => s.Source.Code)],
            Version = update.Version,
        };
        return desk with
        {
            Form = form,
            Correcting = new DeskUpdate(update.Id, update.PostedAt, update.AuthorName, update.Title, update.BodyText, update.QuoteText, update.ImageId != null, update.IsPinned, update.RemovedAt, update.RemovalReason, update.CorrectionNote, update.Version),
            CorrectingImage = update.Image is { } image ? new ImageSummary(image.AltText, image.IsDecorative, image.Caption, image.Credit) : null,
        };
    }
}
