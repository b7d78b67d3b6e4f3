using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Areas.Editor.Models;
using NewsPortal.Web.Content.Markdown;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Editing;
using NewsPortal.Web.Features.Editions;
using NewsPortal.Web.Hosting;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>Writing, previewing, publishing, revisions and corrections of articles.</summary>
public sealed class ArticlesController(
    NewsPortalDbContext db,
    EditionCatalog editions,
    SaveArticle save,
    GetArticlePage articlePage,
    ArticleMarkdownRenderer markdown,
    AuditTrail audit,
    TimeProvider time) : EditorController
{
    [HttpGet("editor/articles/new")]
    public async Task<IActionResult> New(string? edition, int? translationOf, CancellationToken cancellationToken)
    {
        var target = editions.Find(edition) ?? editions.Default;
        var form = new ArticleForm { Edition = target.Code, SectionId = target.Sections.FirstOrDefault()?.Id, Author = User.Identity?.Name ?? "" };
        if (translationOf is { } originalId)
        {
            var original = await db.Articles.AsNoTracking().Include(a => a.Sources).ThenInclude(s => s.Source)
                .FirstOrDefaultAsync(a => a.Id == originalId, cancellationToken);
            if (original is null)
            {
                return NotFound();
            }

            // Prefilled from the original: the translator replaces the text and keeps the credits.
            form.TranslationOf = original.Id;
            form.Headline = original.Headline;
            form.Lead = original.Lead;
            form.Body = original.BodyMarkdown;
            form.Sources = original.Sources.Select(s => new SourceCredit { Code = s.Source.Code, Role = s.Role }).ToList();
            // The section in the same place of the target edition's navigation (World → Мир → جهان).
            var position = editions.All.FirstOrDefault(e => e.Id == original.EditionId)?.Sections.Select(s => s.Id).ToList().IndexOf(original.SectionId) ?? -1;
            form.SectionId = target.Sections.ElementAtOrDefault(Math.Max(position, 0))?.Id ?? form.SectionId;
        }

        return View("Form", await PageAsync(form, null, UnreadableArticleForm.ProblemsFor(HttpContext), null, cancellationToken));
    }

    [HttpPost("editor/articles/new")]
    [RequestSizeLimit(ArticleFormLimits.MaxRequestBytes)]
    [RequestFormLimits(ValueCountLimit = ArticleFormLimits.MaxFormValues, MultipartBodyLengthLimit = ArticleFormLimits.MaxRequestBytes)]
    [ReadArticleForm]
    public Task<IActionResult> Create(ArticleForm form, IFormFile? leadImage, ArticleCommand command, CancellationToken cancellationToken)
    {
        form.Id = null;
        return SaveAsync(form, leadImage, command, cancellationToken);
    }

    [HttpGet("editor/articles/{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var article = await LoadAsync(id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        if (!Who.MayEdit(article))
        {
            return Forbid();
        }

        return View("Form", await PageAsync(ToForm(article), article, TempData["Problems"] is string[] p ? p : UnreadableArticleForm.ProblemsFor(HttpContext), null, cancellationToken));
    }

    [HttpPost("editor/articles/{id:int}")]
    [RequestSizeLimit(ArticleFormLimits.MaxRequestBytes)]
    [RequestFormLimits(ValueCountLimit = ArticleFormLimits.MaxFormValues, MultipartBodyLengthLimit = ArticleFormLimits.MaxRequestBytes)]
    [ReadArticleForm]
    public Task<IActionResult> Update(int id, ArticleForm form, IFormFile? leadImage, ArticleCommand command, CancellationToken cancellationToken)
    {
        form.Id = id;
        return SaveAsync(form, leadImage, command, cancellationToken);
    }

    /// <summary>The article exactly as readers will see it, under the edition's URL prefix so it takes the edition's language.</summary>
    [HttpGet("/{edition:edition}/preview/{id:int}")]
    public async Task<IActionResult> Preview(string edition, int id, CancellationToken cancellationToken)
    {
        var page = await articlePage.ExecuteAsync(id, cancellationToken, includeUnpublished: true);
        if (page is null || page.Edition.Code != edition)
        {
            return NotFound();
        }

        ViewData["Preview"] = true;
        return View("~/Views/Articles/Show.cshtml", page);
    }

    [HttpGet("editor/articles/{id:int}/revisions")]
    public async Task<IActionResult> Revisions(int id, CancellationToken cancellationToken)
    {
        var article = await LoadAsync(id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        var revisions = await db.Revisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.SavedAt).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
        return View((article, revisions));
    }

    [HttpGet("editor/articles/{id:int}/revisions/{revisionId:long}")]
    public async Task<IActionResult> Compare(int id, long revisionId, CancellationToken cancellationToken)
    {
        var article = await LoadAsync(id, cancellationToken);
        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == id, cancellationToken);
        if (article is null || revision is null)
        {
            return NotFound();
        }

        return View(new RevisionComparison(article, revision,
            TextDiff.Lines(revision.Headline, article.Headline),
            TextDiff.Lines(revision.Lead, article.Lead),
            TextDiff.Lines(revision.BodyMarkdown, article.BodyMarkdown)));
    }

    [HttpPost("editor/articles/{id:int}/revisions/{revisionId:long}/restore")]
    public async Task<IActionResult> Restore(int id, long revisionId, int version, CancellationToken cancellationToken)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == id, cancellationToken);
        if (article is null || revision is null)
        {
            return NotFound();
        }

        if (!Who.MayEdit(article))
        {
            return Forbid();
        }

        if (article.Version != version)
        {
            TempData["Problems"] = new[] { "The article changed since you opened its revisions; look again before restoring." };
            return RedirectToAction(nameof(Revisions), new { id });
        }

        var now = time.GetUtcNow().UtcDateTime;
        article.Restore(revision, markdown.Render(revision.BodyMarkdown), now);
        db.Revisions.Add(new ArticleRevision(article, Who.UserName, now));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Restored the version saved by {revision.SavedBy} at {revision.SavedAt:u}.";
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("editor/articles/{id:int}/corrections")]
    [Authorize(Policy = EditorPolicies.Publishing)]
    public async Task<IActionResult> AddCorrection(int id, string? text, CancellationToken cancellationToken)
    {
        var article = await db.Articles.Include(a => a.Corrections).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > 2000 || article.Status != ArticleStatus.Published)
        {
            TempData["Problems"] = new[] { article.Status != ArticleStatus.Published ? "Only a published article carries corrections." : "Write the correction (at most 2,000 characters)." };
            return RedirectToAction(nameof(Edit), new { id });
        }

        article.AddCorrection(text, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.Corrected, Who.UserName, $"article {id} “{article.Headline}”", text, cancellationToken);
        TempData["Message"] = "The correction is published on the article and in the corrections feed.";
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<IActionResult> SaveAsync(ArticleForm form, IFormFile? leadImage, ArticleCommand command, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            var existing = form.Id is { } id ? await LoadAsync(id, cancellationToken) : null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Form", await PageAsync(form, existing, ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList(), null, cancellationToken));
        }

        var result = await save.ExecuteAsync(form, leadImage, command, Who, cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.Forbidden:
                return Forbid();
            case SaveOutcome.Conflict:
                var theirs = result.Article!;
                var conflict = new ConflictView(theirs.Headline, theirs.Lead, theirs.BodyMarkdown, theirs.Version, TextDiff.Lines(theirs.BodyMarkdown, form.Body ?? ""));
                form.Version = theirs.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Form", await PageAsync(form, await LoadAsync(theirs.Id, cancellationToken), result.Problems, conflict, cancellationToken));
            case SaveOutcome.Invalid or SaveOutcome.TooLarge:
                Response.StatusCode = result.Outcome == SaveOutcome.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
                return View("Form", await PageAsync(form, form.Id is { } existingId ? await LoadAsync(existingId, cancellationToken) : null, result.Problems, null, cancellationToken));
            default:
                TempData["Message"] = command switch
                {
                    ArticleCommand.Publish when result.Problems.Count == 0 => "Published.",
                    ArticleCommand.Schedule when result.Problems.Count == 0 => "Scheduled.",
                    ArticleCommand.Submit => "Submitted for review.",
                    ArticleCommand.Unpublish => "Unpublished: readers no longer see it.",
                    _ => "Saved.",
                };
                TempData["Problems"] = result.Problems.ToArray();
                return RedirectToAction(nameof(Edit), new { id = result.Article!.Id });
        }
    }

    private Task<Article?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking()
            .Include(a => a.Edition).Include(a => a.LeadImage).Include(a => a.Corrections)
            .Include(a => a.Sources).ThenInclude(s => s.Source)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    private static ArticleForm ToForm(Article article) => new()
    {
        Id = article.Id,
        Version = article.Version,
        Edition = article.Edition.Code,
        SectionId = article.SectionId,
        Headline = article.Headline,
        Lead = article.Lead,
        Body = article.BodyMarkdown,
        Author = article.Author,
        Slug = article.Slug,
        Sources = article.Sources.Select(s => new SourceCredit { Code = s.Source.Code, Role = s.Role }).ToList(),
        AltText = article.LeadImage?.AltText,
        ImageIsDecorative = article.LeadImage?.IsDecorative ?? false,
        Caption = article.LeadImage?.Caption,
        Credit = article.LeadImage?.Credit,
        FocalX = article.LeadImage?.FocalX ?? 0.5,
        FocalY = article.LeadImage?.FocalY ?? 0.5,
        BreakingUntil = article.BreakingUntil,
        PublishAt = article.ScheduledAt,
    };

    private async Task<ArticleFormPage> PageAsync(ArticleForm form, Article? article, IReadOnlyList<string> problems, ConflictView? conflict, CancellationToken cancellationToken)
    {
        var edition = editions.Find(form.Edition) ?? editions.Default;
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.ShortName).Select(s => new SourceOption(s.Code, s.ShortName, s.FullName, s.Kind)).ToListAsync(cancellationToken);
        var translated = article?.TranslationGroupId is { } group
            ? await db.Articles.Where(a => a.TranslationGroupId == group).Select(a => a.EditionId).ToListAsync(cancellationToken)
            : article is null ? [] : [article.EditionId];
        return new ArticleFormPage(
            form,
            edition,
            article?.Status,
            article?.LeadImage is { } image ? $"/media/{Image.RenditionFileName(image.StorageKey, image.AvailableWidths[0])}" : null,
            sources,
            problems,
            conflict,
            Who.CanPublish,
            article is { Status: ArticleStatus.Published } ? Url.Action("Show", "Articles", new { area = "", edition = edition.Code, slug = article.Slug, id = article.Id }) : null,
            article?.Corrections.OrderBy(c => c.PublishedAt).Select(c => (c.Id, c.PublishedAt, c.Text)).ToList() ?? [],
            article is null ? [] : editions.All.Where(e => !translated.Contains(e.Id)).ToList());
    }
}

public sealed record RevisionComparison(Article Article, ArticleRevision Revision, IReadOnlyList<DiffLine> Headline, IReadOnlyList<DiffLine> Lead, IReadOnlyList<DiffLine> Body);
