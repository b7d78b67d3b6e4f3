using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Editions;

namespace NewsPortal.Web.Features.Newsroom;

/// <summary>Renames a section; its slug, and so every link to it, stays.</summary>
public sealed class RenameSection(NewsPortalDbContext db, EditionCatalog editions, AuditTrail audit)
{
    public const int MaxLength = 100;

    public async Task<NewsroomChange> ExecuteAsync(int id, string? name, string actor, CancellationToken cancellationToken)
    {
        var section = await db.Sections.Include(s => s.Edition).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (section is null)
        {
            return NewsroomChange.NotFound;
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxLength)
        {
            return NewsroomChange.Refuse(new Notice("Setup.Problem.SectionNameLength", MaxLength));
        }

        var before = section.Name;
        section.Rename(name);
        var entry = audit.Add(AuditActions.SectionRenamed, actor, $"section {section.Edition.Code}/{section.Slug}", $"{before} → {section.Name}");
        await db.SaveChangesAsync(cancellationToken);
        audit.Committed(entry);
        await editions.ReloadAsync(db, cancellationToken);
        return NewsroomChange.Succeed(new Notice("Setup.Done.SectionRenamed", section.Name));
    }
}
