using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;

namespace NewsPortal.Web.Features.Editions;

/// <summary>An edition as reader pages need it: read once, shared by every request.</summary>
public sealed record EditionView(
    int Id,
    string Code,
    string NativeName,
    string EnglishName,
    string Dir,
    bool IsDefault,
    IReadOnlyList<string> Countries,
    IReadOnlyList<SectionView> Sections)
{
    public CultureInfo Culture => CultureInfo.GetCultureInfo(Code);

    public SectionView? FindSection(string? slug) => Sections.FirstOrDefault(s => s.Slug == slug);
}

public sealed record SectionView(int Id, string Name, string Slug);

/// <summary>
/// The editions and their sections, kept in memory: every reader page needs them for its layout,
/// navigation and footer. Loaded at startup; call <see cref="ReloadAsync"/> after changing editions or sections.
/// </summary>
public sealed class EditionCatalog
{
    private volatile Snapshot _snapshot = new([], NewsroomReach.From([]));

    public IReadOnlyList<EditionView> All => _snapshot.Editions;

    public EditionView Default => _snapshot.Editions.FirstOrDefault(e => e.IsDefault)
        ?? _snapshot.Editions.FirstOrDefault()
        ?? throw new InvalidOperationException("No edition exists: the database was not initialized.");

    /// <summary>How many languages and countries the editions reach, for the footer's about blurb.</summary>
    public NewsroomReach Reach => _snapshot.Reach;

    public EditionView? Find(string? code) =>
        string.IsNullOrEmpty(code) ? null : _snapshot.Editions.FirstOrDefault(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase));

    public async Task ReloadAsync(NewsPortalDbContext db, CancellationToken cancellationToken)
    {
        var editions = await db.Editions.AsNoTracking()
            .OrderBy(e => e.SortOrder).ThenBy(e => e.Code)
            .Select(e => new
            {
                e.Id,
                e.Code,
                e.NativeName,
                e.EnglishName,
                e.Direction,
                e.IsDefault,
                e.Countries,
                Sections = e.Sections.OrderBy(s => s.Order).Select(s => new SectionView(s.Id, s.Name, s.Slug)).ToList(),
            })
            .ToListAsync(cancellationToken);

        var views = editions
            .Select(e => new EditionView(e.Id, e.Code, e.NativeName, e.EnglishName, Domain.Edition.DirOf(e.Direction), e.IsDefault, e.Countries, e.Sections))
            .ToList();
        _snapshot = new Snapshot(views, NewsroomReach.From(views.Select(v => (v.Code, v.Countries))));
    }

    private sealed record Snapshot(IReadOnlyList<EditionView> Editions, NewsroomReach Reach);
}
