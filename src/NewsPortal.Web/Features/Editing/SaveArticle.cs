using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Content.Markdown;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Editions;
using NewsPortal.Web.Features.Media;

namespace NewsPortal.Web.Features.Editing;

/// <summary>What the editor asked for when pressing a button on the article form.</summary>
public enum ArticleCommand
{
    Save = 0,
    Submit = 1,
    Publish = 2,
    Schedule = 3,
    Unpublish = 4,
}

public enum SaveOutcome
{
    Saved = 0,
    Invalid = 1,
    Conflict = 2,
    Forbidden = 3,
    NotFound = 4,

    /// <summary>Refused because the picture is over the size limit (413 rather than 400).</summary>
    TooLarge = 5,
}

/// <summary>The result of a save: the article as stored, or why nothing (or only the text) was stored.</summary>
public sealed record SaveResult(SaveOutcome Outcome, Article? Article, IReadOnlyList<string> Problems)
{
    public static SaveResult Fail(SaveOutcome outcome, params string[] problems) => new(outcome, null, problems);
}

/// <summary>
/// Creates or updates an article from the form, keeps a revision of every save, then carries out the
/// command (submit, publish, schedule, unpublish) if the role and the pre-publish checks allow it.
/// A save started from an older version is refused as a conflict: nothing is overwritten.
/// </summary>
public sealed class SaveArticle(
    NewsPortalDbContext db,
    ArticleMarkdownRenderer markdown,
    ImageRenditionWriter images,
    EditionCatalog editions,
    AuditTrail audit,
    TimeProvider time)
{
    public async Task<SaveResult> ExecuteAsync(ArticleForm form, IFormFile? upload, ArticleCommand command, EditorIdentity who, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (editions.Find(form.Edition) is not { } editionView || editionView.Sections.All(s => s.Id != form.SectionId))
        {
            return SaveResult.Fail(SaveOutcome.Invalid, "Choose an edition and one of its sections.");
        }

        if (command is ArticleCommand.Publish or ArticleCommand.Schedule or ArticleCommand.Unpublish && !who.CanPublish)
        {
            return SaveResult.Fail(SaveOutcome.Forbidden, "Only editors and admins publish, schedule or unpublish.");
        }

        var edition = await db.Editions.SingleAsync(e => e.Id == editionView.Id, cancellationToken);
        var section = await db.Sections.SingleAsync(s => s.Id == form.SectionId, cancellationToken);
        Article article;
        if (form.Id is { } id)
        {
            var existing = await db.Articles
                .Include(a => a.Sources).ThenInclude(s => s.Source)
                .Include(a => a.LeadImage)
                .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (existing is null)
            {
                return SaveResult.Fail(SaveOutcome.NotFound);
            }

            if (!who.MayEdit(existing))
            {
                return SaveResult.Fail(SaveOutcome.Forbidden, "Writers edit only their own articles before they are published.");
            }

            if (existing.Version != form.Version)
            {
                return new SaveResult(SaveOutcome.Conflict, existing, ["Someone else saved this article after you opened it."]);
            }

            if (existing.EditionId != edition.Id)
            {
                return SaveResult.Fail(SaveOutcome.Invalid, "An article stays in its edition: use Translate to tell the story in another one.");
            }

            article = existing;
            if (article.Headline != form.Headline.Trim())
            {
                article.SetHeadline(form.Headline, edition.SlugPolicy);
            }

            article.MoveTo(section);
        }
        else
        {
            article = new Article(edition, section, form.Headline, form.Author, now) { CreatedById = who.UserId };
            db.Articles.Add(article);
            if (form.TranslationOf is { } originalId && await db.Articles.Include(a => a.TranslationGroup).FirstOrDefaultAsync(a => a.Id == originalId, cancellationToken) is { } original)
            {
                var group = original.TranslationGroup;
                if (group is null)
                {
                    group = new TranslationGroup();
                    db.TranslationGroups.Add(group);
                    original.JoinTranslationGroup(group);
                }

                article.JoinTranslationGroup(group);
            }
        }

        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(form.Slug) && form.Slug != article.Slug)
        {
            if (Slugs.IsValid(form.Slug))
            {
                article.SetSlug(form.Slug);
            }
            else
            {
                problems.Add("The slug was not changed: use lower-case words joined by single hyphens.");
            }
        }

        article.Lead = form.Lead?.Trim() ?? "";
        article.SetAuthor(form.Author);
        var body = form.Body ?? "";
        if (body != article.BodyMarkdown)
        {
            article.SetBody(body, markdown.Render(body));
        }

        var codes = form.Sources.Where(s => s.Role is not null).Select(s => s.Code).ToList();
        var sources = await db.Sources.Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, cancellationToken);
        article.ReplaceSources(form.Sources.Where(s => s.Role is not null && sources.ContainsKey(s.Code)).Select(s => (sources[s.Code], s.Role!.Value)));
        article.MarkBreakingUntil(form.BreakingUntil is { } until ? DateTime.SpecifyKind(until, DateTimeKind.Utc) : null);

        var pictures = new LeadImageEdit(db, images, now);
        if (await pictures.ApplyAsync(article, form, upload, cancellationToken) is { } refused)
        {
            return SaveResult.Fail(refused.TooLarge ? SaveOutcome.TooLarge : SaveOutcome.Invalid, refused.Message);
        }

        problems.AddRange(pictures.Problems);

        if (article.LeadImage is { } image)
        {
            image.Describe(form.AltText, form.ImageIsDecorative);
            image.Caption = string.IsNullOrWhiteSpace(form.Caption) ? null : form.Caption.Trim();
            image.Credit = string.IsNullOrWhiteSpace(form.Credit) ? null : form.Credit.Trim();
        }

        article.Edited(now);
        var audited = new List<(string Action, string? Detail)>();
        problems.AddRange(Apply(article, command, form, now, audited));
        db.Revisions.Add(new ArticleRevision(article, who.UserName, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            pictures.Failed();
            db.ChangeTracker.Clear();
            var current = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == article.Id, cancellationToken);
            return new SaveResult(SaveOutcome.Conflict, current, ["Someone else saved this article while you were saving."]);
        }
        catch
        {
            pictures.Failed();
            throw;
        }

        await pictures.CommittedAsync(cancellationToken);

        foreach (var (action, detail) in audited)
        {
            await audit.RecordAsync(action, who.UserName, Target(article), detail, cancellationToken);
        }

        return new SaveResult(SaveOutcome.Saved, article, problems);
    }

    private static IReadOnlyList<string> Apply(Article article, ArticleCommand command, ArticleForm form, DateTime now, List<(string Action, string? Detail)> audited)
    {
        switch (command)
        {
            case ArticleCommand.Submit when article.Status is ArticleStatus.Draft or ArticleStatus.Unpublished:
                article.SubmitForReview();
                return [];
            case ArticleCommand.Publish or ArticleCommand.Schedule:
                var problems = PrePublishChecks.Problems(article);
                if (problems.Count > 0)
                {
                    return [.. problems.Prepend("Saved, but not published:")];
                }

                if (command == ArticleCommand.Schedule)
                {
                    if (form.PublishAt is not { } at || DateTime.SpecifyKind(at, DateTimeKind.Utc) <= now)
                    {
                        return ["Saved, but not scheduled: choose a publication time in the future (UTC)."];
                    }

                    article.Schedule(DateTime.SpecifyKind(at, DateTimeKind.Utc), now);
                    audited.Add((AuditActions.Scheduled, $"at {at:u}"));
                    return [];
                }

                article.Publish(now);
                audited.Add((AuditActions.Published, null));
                return [];
            case ArticleCommand.Unpublish when article.Status is ArticleStatus.Published or ArticleStatus.Scheduled:
                article.Unpublish();
                audited.Add((AuditActions.Unpublished, null));
                return [];
            default:
                return [];
        }
    }

    private static string Target(Article article) => $"article {article.Id} “{article.Headline}”";
}
