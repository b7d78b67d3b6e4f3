using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Editions;

namespace NewsPortal.Web.Features.Newsroom;

public sealed class NewSectionForm
{
    [Required(ErrorMessage = "Validation.EditionRequired")]
    public string Edition { get; set; } = "";

    [Required(ErrorMessage = "Validation.SectionNameRequired")]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Validation.SectionSlugRequired")]
    [StringLength(Slugs.MaxLength, ErrorMessage = "Validation.TooLong")]
    public string Slug { get; set; } = "";
}

/// <summary>Adds a section at the end of an edition's navigation; its slug is unique within the edition.</summary>
public sealed class AddSection(NewsPortalDbContext db, EditionCatalog editions, AuditTrail audit)
{
    public async Task<NewsroomChange> ExecuteAsync(NewSectionForm form, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Code == form.Edition, cancellationToken);
        if (edition is null)
        {
            return NewsroomChange.Refuse(new Notice("Setup.Problem.ChooseEdition"));
        }

        if (!Slugs.IsValid(form.Slug))
        {
            return NewsroomChange.Refuse(new Notice("Setup.Problem.SlugShape"));
        }

        if (await db.Sections.AnyAsync(s => s.EditionId == edition.Id && s.Slug == form.Slug, cancellationToken))
        {
            return NewsroomChange.Refuse(new Notice("Setup.Problem.SectionExists", form.Slug));
        }

        var order = await db.Sections.CountAsync(s => s.EditionId == edition.Id, cancellationToken);
        var section = new Section(edition, form.Name, form.Slug, order);
        db.Sections.Add(section);
        var entry = audit.Add(AuditActions.SectionAdded, actor, $"section {edition.Code}/{section.Slug}", section.Name);
        await db.SaveChangesAsync(cancellationToken);
        audit.Committed(entry);
        await editions.ReloadAsync(db, cancellationToken);
        return NewsroomChange.Succeed(new Notice("Setup.Done.SectionAdded", section.Name));
    }
}
