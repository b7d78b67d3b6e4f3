using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Areas.Editor.Models;
using NewsPortal.Web.Content.Markdown;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Accounts;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Editing;
using NewsPortal.Web.Features.Editions;
using NewsPortal.Web.Hosting;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>Writing, previewing, publishing, revisions and corrections of articles.</summary>
public sealed partial class ArticlesController(
    NewsPortalDbContext db,
    EditionCatalog editions,
    SaveArticle save,
    RestoreRevision restore,
    GetPreviewPage preview,
    BylineRule bylines) : EditorController
{
    [HttpGet("editor/articles/new")]
    public async Task<IActionResult> New(string? edition, int? translationOf, CancellationToken cancellationToken)
    {
        var target = editions.Find(edition) ?? editions.Default;
        var form = new ArticleForm { Edition = target.Code, SectionId = target.Sections.FirstOrDefault()?.Id, Author = NewsroomClaims.DisplayNameOf(User) };
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
            form.Sources = original.Sources.OrderBy(s => s.Order).Select(s => new SourceCredit { Code = s.Source.Code, Role = s.Role }).ToList();
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
    [KeepsPostedTextWhenSignedOut]
    public Task<IActionResult> Create(ArticleForm form, IFormFile? leadImage, ArticleCommand command, CancellationToken cancellationToken)
    {
        form.Id = null;
        return SaveAsync(form, leadImage, command, cancellationToken);
    }

    [HttpGet("editor/articles/{id:int}")]
    public async Task<IActionResult> Edit([FromRoute] int id, CancellationToken cancellationToken)
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

        return View("Form", await PageAsync(await ToFormAsync(article, cancellationToken), article, TempData["Problems"] is string[] p ? p : UnreadableArticleForm.ProblemsFor(HttpContext), null, cancellationToken));
    }

    [HttpPost("editor/articles/{id:int}")]
    [RequestSizeLimit(ArticleFormLimits.MaxRequestBytes)]
    [RequestFormLimits(ValueCountLimit = ArticleFormLimits.MaxFormValues, MultipartBodyLengthLimit = ArticleFormLimits.MaxRequestBytes)]
    [ReadArticleForm]
    [KeepsPostedTextWhenSignedOut]
    public Task<IActionResult> Update([FromRoute] int id, ArticleForm form, IFormFile? leadImage, ArticleCommand command, CancellationToken cancellationToken)
    {
        form.Id = id;
        return SaveAsync(form, leadImage, command, cancellationToken);
    }

    /// <summary>The article exactly as readers will see it, under the edition's URL prefix so it takes the edition's language.</summary>
    [HttpGet("/{edition:edition}/preview/{id:int}")]
    public async Task<IActionResult> Preview([FromRoute] string edition, [FromRoute] int id, CancellationToken cancellationToken)
    {
        var page = await preview.ExecuteAsync(id, cancellationToken);
        if (page is null || page.Edition.Code != edition)
        {
            return NotFound();
        }

        ViewData["Preview"] = true;
        return View("~/Views/Articles/Show.cshtml", page);
    }

    [HttpGet("editor/articles/{id:int}/revisions")]
    public async Task<IActionResult> Revisions([FromRoute] int id, CancellationToken cancellationToken)
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
    public async Task<IActionResult> Compare([FromRoute] int id, [FromRoute] long revisionId, CancellationToken cancellationToken)
    {
        var article = await LoadAsync(id, cancellationToken);
        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == id, cancellationToken);
        if (article is null || revision is null)
        {
            return NotFound();
        }

        var current = article.WorkingContent;
        var then = revision.RestoreOnto(current);
        var describe = await DescriberAsync(article, [current, then], cancellationToken);
        var others = ArticleContent.Differences(then, current)
            .Where(f => f is not (ArticleField.Headline or ArticleField.Lead or ArticleField.Body))
            .Select(f => new FieldChange(ArticleFieldLabels.Label(f), describe(then, f), describe(current, f)))
            .ToList();
        return View(new RevisionComparison(article, revision,
            TextDiff.Lines(then.Headline, current.Headline),
            TextDiff.Lines(then.Lead, current.Lead),
            TextDiff.Lines(then.BodyMarkdown, current.BodyMarkdown),
            others));
    }

    [HttpPost("editor/articles/{id:int}/revisions/{revisionId:long}/restore")]
    public async Task<IActionResult> Restore([FromRoute] int id, [FromRoute] long revisionId, int version, CancellationToken cancellationToken)
    {
        var result = await restore.ExecuteAsync(id, revisionId, version, Who, cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.Forbidden:
                return Forbid();
            case SaveOutcome.Conflict:
                TempData["Problems"] = result.Problems.ToArray();
                return RedirectToAction(nameof(Revisions), new { id });
            default:
                TempData["Message"] = result.Article!.PendingContent is not null
                    ? "Restored as changes waiting for review: readers see the live version until you update the live article."
                    : "Restored. The restore is itself a revision, so it can be undone the same way.";
                TempData["Problems"] = result.Problems.ToArray();
                return RedirectToAction(nameof(Edit), new { id });
        }
    }

    [HttpPost("editor/articles/{id:int}/corrections")]
    [Authorize(Policy = EditorPolicies.Publishing)]
    public async Task<IActionResult> AddCorrection([FromRoute] int id, string? text, [FromServices] AddCorrection correct, CancellationToken cancellationToken)
    {
        switch (await correct.ExecuteAsync(id, text, Who, cancellationToken))
        {
            case CorrectionOutcome.NotFound:
                return NotFound();
            case CorrectionOutcome.NotPublished:
                TempData["Problems"] = new[] { "Only a published article carries corrections." };
                break;
            case CorrectionOutcome.Invalid:
                TempData["Problems"] = new[] { $"Write the correction (at most {Features.Editing.AddCorrection.MaxLength:N0} characters)." };
                break;
            default:
                TempData["Message"] = "The correction is published on the article and in the corrections feed.";
                break;
        }

        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<IActionResult> SaveAsync(ArticleForm form, IFormFile? leadImage, ArticleCommand command, CancellationToken cancellationToken)
    {
        var existing = form.Id is { } id ? await LoadAsync(id, cancellationToken) : null;
        if (form.Id is not null && existing is null)
        {
            return NotFound();
        }

        if (form.CreditAction is not null)
        {
            // A credit-list button: rearrange and show the form again, with nothing saved and nothing lost.
            var focus = CreditList.Rearrange(form);
            if (focus < 0)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return View("Form", await PageAsync(form, existing, focus < 0 ? ["That change to the credits is not possible; the list is as before."] : [], null, cancellationToken) with
            {
                FocusCredit = focus < 0 ? null : focus,
            });
        }

        // The byline is published: never an e-mail address (refused like any invalid field, the text kept).
        if (await bylines.ProblemAsync(form.Author, cancellationToken) is { } bylineProblem)
        {
            ModelState.AddModelError(nameof(ArticleForm.Author), bylineProblem);
        }

        if (!ModelState.IsValid)
        {
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
                var stored = await LoadAsync(result.Article!.Id, cancellationToken);
                form.Version = stored!.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Form", await PageAsync(form, stored, result.Problems, await ConflictViewAsync(result.Conflict!, stored, cancellationToken), cancellationToken));
            case SaveOutcome.Invalid or SaveOutcome.TooLarge:
                Response.StatusCode = result.Outcome == SaveOutcome.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
                return View("Form", await PageAsync(form, existing, result.Problems, null, cancellationToken));
            default:
                var article = result.Article!;
                TempData["Message"] = (command, article.Status) switch
                {
                    _ when result.Problems.Count > 0 && command is not ArticleCommand.Save => "Saved.",
                    (ArticleCommand.Publish or ArticleCommand.UpdateLive, ArticleStatus.Published) when result.WasLive && article.PendingContent is null => "The live article is updated.",
                    (ArticleCommand.Publish, ArticleStatus.Published) => "Published.",
                    (ArticleCommand.DiscardPending, _) => "The pending changes are discarded (they stay in the revisions). Readers see the live version.",
                    (_, ArticleStatus.Published) when article.PendingContent is not null => "Saved as changes waiting for review. Readers still see the live version until an editor updates the live article.",
                    (ArticleCommand.Schedule, _) => "Scheduled.",
                    (ArticleCommand.Submit, _) => "Submitted for review.",
                    (ArticleCommand.Unpublish, _) => "Unpublished: readers no longer see it.",
                    _ => "Saved.",
                };
                TempData["Problems"] = result.Problems.ToArray();
                TempData[LocalDraftKey.SavedTempDataKey] = LocalDraftKey.For(form);
                return RedirectToAction(nameof(Edit), new { id = article.Id });
        }
    }

    /// <summary>Every differing field with both values in words, and a suggestion where the starting version tells whose change it was.</summary>
    private async Task<ConflictView> ConflictViewAsync(SaveConflict conflict, Article stored, CancellationToken cancellationToken)
    {
        var describe = await DescriberAsync(stored, [conflict.Theirs, conflict.Mine], cancellationToken);
        var rows = conflict.Fields.Select(field => new ConflictRow(
            field,
            ArticleFieldLabels.Label(field),
            describe(conflict.Theirs, field),
            describe(conflict.Mine, field),
            conflict.Suggested(field),
            field is ArticleField.Headline or ArticleField.Lead or ArticleField.Body or ArticleField.Caption or ArticleField.AltText,
            field == ArticleField.Body ? TextDiff.Lines(conflict.Theirs.BodyMarkdown, conflict.Mine.BodyMarkdown) : null)).ToList();
        return new ConflictView(stored.Version, conflict.TheirsSavedBy, conflict.TheirsSavedAt, rows);
    }

    /// <summary>Puts a field's value in words for the editor: section and source names, times in UTC.</summary>
    private async Task<Func<ArticleContent, ArticleField, string>> DescriberAsync(Article stored, IEnumerable<ArticleContent> contents, CancellationToken cancellationToken)
    {
        var sourceIds = contents.SelectMany(c => c.Credits).Select(c => c.SourceId).Distinct().ToList();
        var sourceNames = await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.ShortName, cancellationToken);
        var edition = editions.All.First(e => e.Id == stored.EditionId);
        return (content, field) => field switch
        {
            ArticleField.Section => edition.Sections.FirstOrDefault(s => s.Id == content.SectionId)?.Name ?? "(none)",
            ArticleField.Headline => content.Headline,
            ArticleField.Lead => content.Lead,
            ArticleField.Body => content.BodyMarkdown,
            ArticleField.Author => content.Author,
            ArticleField.Slug => content.Slug,
            ArticleField.Credits => content.Credits.Count == 0 ? "(none)" : string.Join("; ", content.Credits.Select(c => $"{sourceNames.GetValueOrDefault(c.SourceId, "?")} ({c.Role})")),
            ArticleField.Picture => content.LeadImageId is null ? "(no picture)" : content.LeadImageId == stored.LeadImageId ? "the current picture" : $"another picture (number {content.LeadImageId})",
            ArticleField.AltText => content.ImageIsDecorative ? "(decorative)" : content.AltText ?? "(none)",
            ArticleField.Caption => content.Caption ?? "(none)",
            ArticleField.PictureCredit => content.PictureCredit ?? "(none)",
            ArticleField.FocalPoint => string.Create(CultureInfo.InvariantCulture, $"{content.FocalX:0.##} across, {content.FocalY:0.##} down"),
            ArticleField.BreakingUntil => content.BreakingUntil?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "(not breaking)",
            ArticleField.PublishAt => content.PublishAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "(none)",
            _ => "",
        };
    }

    private Task<Article?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking()
            .Include(a => a.Edition).Include(a => a.LeadImage).Include(a => a.Corrections)
            .Include(a => a.Sources).ThenInclude(s => s.Source)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>The form as the article stands for editors: a live story's pending changes if it has any.</summary>
    private async Task<ArticleForm> ToFormAsync(Article article, CancellationToken cancellationToken)
    {
        var content = article.WorkingContent;
        var sourceIds = content.Credits.Select(c => c.SourceId).ToList();
        var codes = await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Code, cancellationToken);
        return new ArticleForm
        {
            Id = article.Id,
            Version = article.Version,
            Edition = article.Edition.Code,
            SectionId = content.SectionId,
            Headline = content.Headline,
            Lead = content.Lead,
            Body = content.BodyMarkdown,
            Author = content.Author,
            Slug = content.Slug,
            Sources = content.Credits.Where(c => codes.ContainsKey(c.SourceId)).Select(c => new SourceCredit { Code = codes[c.SourceId], Role = c.Role }).ToList(),
            AltText = content.AltText,
            ImageIsDecorative = content.ImageIsDecorative,
            Caption = content.Caption,
            Credit = content.PictureCredit,
            FocalX = content.FocalX,
            FocalY = content.FocalY,
            BreakingUntil = content.BreakingUntil,
            PublishAt = content.PublishAt,
            TimeZone = "UTC",
        };
    }

    private async Task<ArticleFormPage> PageAsync(ArticleForm form, Article? article, IReadOnlyList<string> problems, ConflictView? conflict, CancellationToken cancellationToken)
    {
        var edition = article is null ? editions.Find(form.Edition) ?? editions.Default : editions.All.First(e => e.Id == article.EditionId);
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.ShortName).Select(s => new SourceOption(s.Code, s.ShortName, s.FullName, s.Kind)).ToListAsync(cancellationToken);
        var translated = article?.TranslationGroupId is { } group
            ? await db.Articles.Where(a => a.TranslationGroupId == group).Select(a => a.EditionId).ToListAsync(cancellationToken)
            : article is null ? [] : [article.EditionId];
        var imageId = article?.WorkingContent.LeadImageId;
        var image = imageId is null ? null : imageId == article!.LeadImageId ? article.LeadImage : await db.Images.AsNoTracking().FirstOrDefaultAsync(i => i.Id == imageId, cancellationToken);
        var translations = article?.TranslationGroupId is { } translationGroup
            ? await db.Articles.AsNoTracking().Where(a => a.TranslationGroupId == translationGroup && a.Id != article.Id)
                .Select(a => new { a.Id, a.EditionId, a.Headline, a.Status }).ToListAsync(cancellationToken)
            : [];
        return new ArticleFormPage(
            form,
            edition,
            article?.Status,
            image is null ? null : $"/media/{Image.RenditionFileName(image.StorageKey, image.AvailableWidths[0])}",
            sources,
            problems,
            conflict,
            Who.CanPublish,
            article is { Status: ArticleStatus.Published } ? Url.Action("Show", "Articles", new { area = "", edition = edition.Code, slug = article.Slug, id = article.Id }) : null,
            article?.Corrections.OrderBy(c => c.PublishedAt).Select(c => (c.Id, c.PublishedAt, c.Text)).ToList() ?? [],
            article is null ? [] : editions.All.Where(e => !translated.Contains(e.Id)).ToList())
        {
            Pending = article?.PendingContent is null ? null : new PendingView(article.PendingSavedBy, article.PendingSavedAt),
            // In the catalog's edition order, as the reader site lists languages.
            Translations = editions.All.SelectMany(e => translations.Where(t => t.EditionId == e.Id).Select(t => new TranslationEditLink(t.Id, t.Headline, t.Status, e))).ToList(),
        };
    }
}

public sealed record FieldChange(string Label, string Then, string Now);

public sealed record RevisionComparison(Article Article, ArticleRevision Revision, IReadOnlyList<DiffLine> Headline, IReadOnlyList<DiffLine> Lead, IReadOnlyList<DiffLine> Body, IReadOnlyList<FieldChange> OtherFields);
