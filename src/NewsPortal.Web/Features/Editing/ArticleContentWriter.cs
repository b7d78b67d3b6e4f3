using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Content.Markdown;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Editing;

/// <summary>
/// Puts an <see cref="ArticleContent"/> onto an article (its section, credits, picture, tags and rendered body
/// resolved from the database, new tags created) or keeps it as a live story's pending changes, and records the revision.
/// Shared by saving the form and restoring a revision; the caller saves and commits.
/// </summary>
public sealed class ArticleContentWriter(NewsPortalDbContext db, ArticleMarkdownRenderer markdown)
{
    /// <param name="rendered">The body already rendered from <paramref name="content"/>, when the caller needed it first.</param>
    public async Task ApplyAsync(Article article, ArticleContent content, EditorIdentity who, DateTime now, RenderedBody? rendered, CancellationToken cancellationToken)
    {
        // A revision can name a section or source that has since been removed: keep the current section, drop the missing credit.
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == content.SectionId && s.EditionId == article.EditionId, cancellationToken)
            ?? await db.Sections.SingleAsync(s => s.Id == article.SectionId, cancellationToken);
        var sourceIds = content.Credits.Select(c => c.SourceId).Distinct().ToList();
        var sources = await db.Sources.Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var image = content.LeadImageId is { } imageId
            ? article.LeadImage?.Id == imageId ? article.LeadImage : await db.Images.FirstOrDefaultAsync(i => i.Id == imageId, cancellationToken)
            : null;
        var body = content.BodyMarkdown == article.BodyMarkdown && article.BodyHtml.Length > 0 ? null : rendered ?? markdown.Render(content.BodyMarkdown);

        article.Apply(
            content with { SectionId = section.Id },
            section,
            content.Credits.Where(c => sources.ContainsKey(c.SourceId)).Select(c => (sources[c.SourceId], c.Role)),
            image,
            body);
        article.ReplaceTags(await TagResolver.ResolveAsync(db, article.EditionId, article.Edition?.SlugPolicy, content.Tags, cancellationToken));
        article.Edited(now);
        db.Revisions.Add(new ArticleRevision(article, who.UserName, now));
    }

    /// <summary>Keeps the content as pending changes of a live story; readers keep seeing what is published.</summary>
    public void KeepPending(Article article, ArticleContent content, EditorIdentity who, DateTime now)
    {
        article.KeepPending(content, who.UserName, now);
        db.Revisions.Add(new ArticleRevision(article, content, who.UserName, now, pending: true));
    }
}
