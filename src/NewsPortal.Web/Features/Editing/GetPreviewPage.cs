using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Content.Markdown;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;

namespace NewsPortal.Web.Features.Editing;

/// <summary>
/// The editors' preview: the article page exactly as readers will see it. For a live story with
/// changes waiting for review, that is the page as it will be after "Update live article".
/// </summary>
public sealed class GetPreviewPage(NewsPortalDbContext db, GetArticlePage articlePage, ArticleMarkdownRenderer markdown, TimeProvider time)
{
    public async Task<ArticlePage?> ExecuteAsync(int id, CancellationToken cancellationToken)
    {
        var page = await articlePage.ExecuteAsync(id, cancellationToken, includeUnpublished: true);
        var pending = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => a.PendingContent).FirstOrDefaultAsync(cancellationToken);
        if (page is null || pending is null)
        {
            return page;
        }

        var language = page.Edition.Code;
        var sourceIds = pending.Credits.Select(c => c.SourceId).ToList();
        var sources = await db.Sources.AsNoTracking().Include(s => s.LocalNames).Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var image = pending.LeadImageId is { } imageId ? await db.Images.AsNoTracking().FirstOrDefaultAsync(i => i.Id == imageId, cancellationToken) : null;
        var personIds = pending.Contributors.Select(c => c.PersonId).ToList();
        var people = await db.People.AsNoTracking().Include(p => p.Profiles).Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        // The pending tags as they will be: the edition's tag of each name, or the address a new one will take.
        var policy = await db.Editions.AsNoTracking().Where(e => e.Id == page.Edition.Id).Select(e => e.SlugPolicy).FirstAsync(cancellationToken);
        var slugs = pending.Tags.Select(n => Slugs.From(n, policy)).ToList();
        var known = await db.Tags.AsNoTracking().Where(t => t.EditionId == page.Edition.Id && slugs.Contains(t.Slug)).ToListAsync(cancellationToken);
        var tags = pending.Tags.Select(name => known.FirstOrDefault(t => Tag.KeyOf(t.Name) == Tag.KeyOf(name)) is { } tag
            ? new Tags.TagLink(tag.Id, tag.Name, tag.Slug)
            : new Tags.TagLink(0, name, Slugs.From(name, policy))).ToList();
        return page with
        {
            Slug = pending.Slug,
            Section = page.Edition.Sections.FirstOrDefault(s => s.Id == pending.SectionId) ?? page.Section,
            Headline = pending.Headline,
            Lead = pending.Lead,
            BodyHtml = markdown.RenderHtml(pending.BodyMarkdown),
            Contributors = pending.Contributors.Where(c => people.ContainsKey(c.PersonId))
                .Select(c => people[c.PersonId] is var p ? new People.PersonCredit(p.Id, p.NameIn(page.Edition.Id), p.Slug, c.Role) : null!)
                .ToList(),
            UpdatedAt = now,
            IsBreaking = pending.BreakingUntil > now,
            Image = image is null ? null : new ImageView(image.StorageKey, image.Width, image.Height, pending.AltText, pending.ImageIsDecorative, pending.Caption, pending.PictureCredit),
            Sources = pending.Credits.Where(c => sources.ContainsKey(c.SourceId))
                .Select(c => sources[c.SourceId] is var s ? new CreditedSource(s.Code, s.ShortNameIn(language), s.FullNameIn(language), s.Kind, c.Role) : null!)
                .ToList(),
            Tags = tags,
        };
    }
}
