using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Editions;

namespace NewsPortal.Web.Features.Newsroom;

/// <summary>Removes an empty section. A section that still holds articles stays: nothing is orphaned or moved silently.</summary>
public sealed class RemoveSection(NewsPortalDbContext db, EditionCatalog editions, AuditTrail audit)
{
    public async Task<NewsroomChange> ExecuteAsync(int id, string actor, CancellationToken cancellationToken)
    {
        var section = await db.Sections.Include(s => s.Edition).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (section is null)
        {
            return NewsroomChange.NotFound;
        }

        var articles = await db.Articles.CountAsync(a => a.SectionId == id, cancellationToken);
        if (articles > 0)
        {
            return NewsroomChange.Refuse(new Notice("Setup.Problem.SectionNotEmpty", section.Name, articles));
        }

        db.Sections.Remove(section);
        var entry = audit.Add(AuditActions.SectionRemoved, actor, $"section {section.Edition.Code}/{section.Slug}", section.Name);
        await db.SaveChangesAsync(cancellationToken);
        audit.Committed(entry);
        await editions.ReloadAsync(db, cancellationToken);
        return NewsroomChange.Succeed(new Notice("Setup.Done.SectionRemoved", section.Name));
    }
}
