using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Content.Markdown;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Editions;
using NewsPortal.Web.Features.Related;
using NewsPortal.Web.Content.Media;

namespace NewsPortal.Web.Features.Editing;

/// <summary>What the editor asked for when pressing a button on the article form.</summary>
public enum ArticleCommand
{
    Save = 0,
    Submit = 1,
    Publish = 2,
    Schedule = 3,
    Unpublish = 4,

    /// <summary>Puts a live story's pending changes live.</summary>
    UpdateLive = 5,

    /// <summary>Drops a live story's pending changes (they stay in the revisions).</summary>
    DiscardPending = 6,
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

    /// <summary>Nothing could be stored: the disk is full or the database read-only (503; the text is shown again).</summary>
    Unavailable = 6,

    /// <summary>
    /// A colleague had taken over editing: the text was kept as a set-aside revision (<see cref="SaveResult.SetAside"/>)
    /// and the article left as it was.
    /// </summary>
    SetAside = 7,
}

/// <summary>Two versions of one article that met: the stored one, the posted one, and the one both started from if known.</summary>
public sealed record SaveConflict(ArticleContent Theirs, ArticleContent Mine, ArticleContent? Base, string? TheirsSavedBy, DateTime? TheirsSavedAt)
{
    public IReadOnlyList<ArticleField> Fields => ArticleContent.Differences(Theirs, Mine);

    /// <summary>What the page suggests for a field: theirs when only they changed it, mine when only I did, nothing when both did or the start is unknown.</summary>
    public string? Suggested(ArticleField field) => Base is null ? null
        : Base.SameAs(Mine, field) ? "theirs"
        : Base.SameAs(Theirs, field) ? "mine"
        : null;
}

/// <summary>The result of a save: the article as stored, or why nothing (or only the text) was stored.</summary>
public sealed record SaveResult(SaveOutcome Outcome, Article? Article, IReadOnlyList<Notice> Problems, SaveConflict? Conflict = null)
{
    /// <summary>True when the article was live before this save (so "Publish" updated it rather than publishing it).</summary>
    public bool WasLive { get; init; }

    /// <summary>The revision that keeps the text of a save whose editing a colleague had taken over.</summary>
    public ArticleRevision? SetAside { get; init; }

    public static SaveResult Fail(SaveOutcome outcome, params Notice[] problems) => new(outcome, null, problems);
}

/// <summary>
/// Creates or updates an article from the form and carries out the command (submit, publish, schedule,
/// unpublish, update live) if the role and the pre-publish checks allow it. The article, its revision
/// (every field), the audit entries and the related-story lists it changes commit in one transaction.
/// <list type="bullet">
/// <item>A live story is never changed by a plain save: the edits wait as pending changes until an editor
/// puts them live ("Update live article"), so readers never see half-finished work.</item>
/// <item>A save by someone whose editing a colleague took over (or who lost an expired lock to a colleague now
/// editing) is not applied: the text is kept as a set-aside revision, audited, and the person told who has the article.</item>
/// <item>A save started from an older version is refused as a conflict listing every field that
/// differs; the person chooses per field, and only then is anything overwritten.</item>
/// <item>A save applied takes (or refreshes) the saver's edit lock.</item>
/// </list>
/// </summary>
public sealed class SaveArticle(
    NewsPortalDbContext db,
    ArticleMarkdownRenderer markdown,
    ImageRenditionWriter images,
    EditionCatalog editions,
    ArticleContentWriter writer,
    AuditTrail audit,
    ClaimEditLock locks,
    RefreshRelatedStories related,
    TimeProvider time,
    ILogger<SaveArticle> logger)
{
    public async Task<SaveResult> ExecuteAsync(ArticleForm form, IFormFile? upload, ArticleCommand command, EditorIdentity who, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (editions.Find(form.Edition) is not { } editionView || editionView.Sections.All(s => s.Id != form.SectionId))
        {
            return SaveResult.Fail(SaveOutcome.Invalid, new Notice("Problem.ChooseEditionAndSection"));
        }

        if (command is ArticleCommand.Publish or ArticleCommand.Schedule or ArticleCommand.Unpublish or ArticleCommand.UpdateLive or ArticleCommand.DiscardPending && !who.CanPublish)
        {
            return SaveResult.Fail(SaveOutcome.Forbidden, new Notice("Problem.OnlyEditorsPublish"));
        }

        if (EditorDates.Problems(form, now) is { Count: > 0 } dateProblems)
        {
            return SaveResult.Fail(SaveOutcome.Invalid, [.. dateProblems]);
        }

        var (tagNames, tagProblem) = TagNames.Parse(form.Tags);
        if (tagProblem is not null)
        {
            logger.LogInformation("An article save was refused: its tags could not be read ({Problem})", tagProblem);
            return SaveResult.Fail(SaveOutcome.Invalid, tagProblem);
        }

        var edition = await db.Editions.SingleAsync(e => e.Id == editionView.Id, cancellationToken);
        Article? existing = null;
        if (form.Id is { } id)
        {
            existing = await db.Articles
                .Include(a => a.Sources).ThenInclude(s => s.Source)
                .Include(a => a.Contributors)
                .Include(a => a.LeadImage)
                .Include(a => a.Tags).ThenInclude(t => t.Tag)
                .AsSplitQuery()
                .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (existing is null)
            {
                return SaveResult.Fail(SaveOutcome.NotFound);
            }

            if (!who.MayEdit(existing))
            {
                return SaveResult.Fail(SaveOutcome.Forbidden, new Notice("Problem.WritersEditOwnDrafts"));
            }

            if (existing.EditionId != edition.Id)
            {
                return SaveResult.Fail(SaveOutcome.Invalid, new Notice("Problem.ArticleStaysInEdition"));
            }
        }

        // The credits as listed, then the one chosen in "Add a credit"; an unknown source is an error, not a silent drop.
        var credited = form.Sources.Where(s => s.Role is not null).Select(s => (Code: s.Code.Trim(), Role: s.Role!.Value)).ToList();
        if (!string.IsNullOrWhiteSpace(form.AddSourceCode))
        {
            credited.Add((form.AddSourceCode.Trim(), form.AddSourceRole));
        }

        var codes = credited.Select(c => c.Code).Distinct().ToList();
        var sources = await db.Sources.Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, cancellationToken);
        if (codes.Where(c => !sources.ContainsKey(c)).ToList() is { Count: > 0 } unknown)
        {
            return SaveResult.Fail(SaveOutcome.Invalid, new Notice("Problem.UnknownSource", string.Join(", ", unknown)));
        }

        // The people credited, by their addresses; a story is credited to someone, and an unknown person is an error.
        var named = form.Contributors.Where(c => !string.IsNullOrWhiteSpace(c.Person) && c.Role is not null).Select(c => (Slug: c.Person!.Trim(), Role: c.Role!.Value)).ToList();
        if (named.Count == 0)
        {
            return SaveResult.Fail(SaveOutcome.Invalid, new Notice("Problem.ContributorRequired"));
        }

        var slugs = named.Select(c => c.Slug).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => slugs.Contains(p.Slug)).ToDictionaryAsync(p => p.Slug, p => p.Id, cancellationToken);
        if (slugs.Where(s => !people.ContainsKey(s)).ToList() is { Count: > 0 } strangers)
        {
            return SaveResult.Fail(SaveOutcome.Invalid, new Notice("Problem.UnknownPerson", string.Join(", ", strangers)));
        }

        var working = existing?.WorkingContent;
        var problems = new List<Notice>();
        var mine = new ArticleContent
        {
            SectionId = form.SectionId!.Value,
            Headline = form.Headline.Trim(),
            Lead = form.Lead?.Trim() ?? "",
            BodyMarkdown = (form.Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal),
            Contributors = named.Select(c => new ContributorEntry(people[c.Slug], c.Role)).Distinct().ToList(),
            Slug = ChooseSlug(form, working, existing?.PublishedAt is not null, edition.SlugPolicy, problems),
            Credits = credited.Select(c => new CreditEntry(sources[c.Code].Id, c.Role)).Distinct().ToList(),
            LeadImageId = working?.LeadImageId,
            AltText = string.IsNullOrWhiteSpace(form.AltText) ? null : form.AltText.Trim(),
            ImageIsDecorative = form.ImageIsDecorative,
            Caption = string.IsNullOrWhiteSpace(form.Caption) ? null : form.Caption.Trim(),
            PictureCredit = string.IsNullOrWhiteSpace(form.Credit) ? null : form.Credit.Trim(),
            FocalX = form.FocalX,
            FocalY = form.FocalY,
            BreakingUntil = EditorDates.ToUtc(form.BreakingUntil, form.TimeZone),
            PublishAt = EditorDates.ToUtc(form.PublishAt, form.TimeZone),
            Tags = tagNames,
        };

        var held = existing is null ? null : await EditLockRows.ReadAsync(db, existing.Id, cancellationToken);
        if (existing is not null && working is not null && held is not null
            && !held.IsHeldBy(who.UserId)
            && (held.IsActiveAt(now) || held.DisplacedId == who.UserId))
        {
            return await SetAsideAsync(existing, mine with { LeadImageId = working.LeadImageId }, held, who, now, cancellationToken);
        }

        if (existing is not null && working is not null)
        {
            // A newer version is a conflict only if someone changed what the form edits: a correction or the
            // scheduler publishing the story bumps the version without touching any field.
            if (existing.Version != form.Version
                && await StartedFromAsync(existing.Id, form.Version, cancellationToken) is var startedFrom
                && (startedFrom is null || ArticleContent.Differences(startedFrom, working).Count > 0))
            {
                return await ConflictAsync(existing, working, mine, startedFrom, new Notice("Conflict.SavedAfterYouOpened"), cancellationToken);
            }

            if (Resolve(form, mine, working) is not { } resolved)
            {
                return await ConflictAsync(existing, working, mine, null, new Notice("Conflict.ChooseEveryField"), cancellationToken);
            }

            mine = resolved;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var article = existing;
        if (article is null)
        {
            var section = await db.Sections.SingleAsync(s => s.Id == mine.SectionId, cancellationToken);
            article = new Article(edition, section, mine.Headline, now) { CreatedById = who.UserId };
            if (form.TranslationOf is { } originalId)
            {
                var (group, problem) = await TranslationGroupAsync(originalId, edition, cancellationToken);
                if (problem is not null)
                {
                    return SaveResult.Fail(SaveOutcome.Invalid, problem);
                }

                article.JoinTranslationGroup(group!);
            }

            db.Articles.Add(article);
        }

        var pictures = new LeadImageEdit(db, images, now);
        var shown = mine.LeadImageId is { } shownId ? existing?.LeadImage?.Id == shownId ? existing.LeadImage : await db.Images.FindAsync([shownId], cancellationToken) : null;
        int? pictureId;
        ImageRejectedException? refused;
        try
        {
            (pictureId, refused) = await pictures.ChooseAsync(shown, form, upload, cancellationToken);
        }
        catch (Exception ex) when (StorageFailure.IsStorageUnavailable(ex))
        {
            pictures.Failed();
            return Unavailable(ex);
        }

        if (refused is not null)
        {
            pictures.Failed();
            return SaveResult.Fail(refused.TooLarge ? SaveOutcome.TooLarge : SaveOutcome.Invalid, new Notice(refused.Key, refused.Arguments));
        }

        problems.AddRange(pictures.Problems);
        var picturesBefore = new[] { existing?.LeadImageId, existing?.PendingContent?.LeadImageId, pictureId };
        mine = mine with { LeadImageId = pictureId };

        if (markdown.DroppedImages(mine.BodyMarkdown) is > 0 and var dropped)
        {
            problems.Add(new Notice("Problem.MarkdownPictures", dropped));
        }

        var wasLive = article.Status == ArticleStatus.Published;
        var audited = new List<(string Action, string? Detail)>();
        if (existing is null)
        {
            audited.Add((AuditActions.Created, null));
        }
        else if (command != ArticleCommand.DiscardPending)
        {
            var changed = ArticleContent.Differences(working!, mine);
            audited.Add((AuditActions.Saved, changed.Count == 0 ? "no changes" : "changed: " + string.Join(", ", changed)));
        }

        problems.AddRange(await CarryOutAsync(article, mine, command, who, now, audited, cancellationToken));
        await pictures.ReleaseAsync(article, picturesBefore, cancellationToken);
        foreach (var revision in db.ChangeTracker.Entries<ArticleRevision>().Where(e => e.State == EntityState.Added))
        {
            revision.Entity.StampVersion(article.Version);
        }

        var lockRefreshed = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            // Published, put live or unpublished: the related-story lists this changes commit with it.
            if ((wasLive || article.Status == ArticleStatus.Published) && command is ArticleCommand.Publish or ArticleCommand.UpdateLive or ArticleCommand.Unpublish)
            {
                await related.ExecuteAsync(article.Id, cancellationToken);
            }

            // The holder's own active lock is refreshed in the save's transaction; any other case claims it after.
            if (held is not null && held.IsHeldBy(who.UserId) && held.IsActiveAt(now))
            {
                var before = EditLockRows.Snapshot.Of(held);
                held.Seen(now, heartbeat: false);
                lockRefreshed = await EditLockRows.ReplaceAsync(db, before, held, cancellationToken);
            }

            foreach (var (action, detail) in audited)
            {
                await audit.RecordAsync(action, who.UserName, Target(article), detail, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            pictures.Failed();
            db.ChangeTracker.Clear();
            var current = await db.Articles.AsNoTracking().Include(a => a.Sources).Include(a => a.Contributors).Include(a => a.LeadImage).Include(a => a.Tags).ThenInclude(t => t.Tag).AsSplitQuery()
                .FirstOrDefaultAsync(a => a.Id == article.Id, cancellationToken);
            return current is null
                ? SaveResult.Fail(SaveOutcome.NotFound)
                : await ConflictAsync(current, current.WorkingContent, mine, await StartedFromAsync(current.Id, form.Version, cancellationToken), new Notice("Conflict.SavedWhileSaving"), cancellationToken);
        }
        catch (Exception ex) when (StorageFailure.IsStorageUnavailable(ex))
        {
            pictures.Failed();
            db.ChangeTracker.Clear();
            return Unavailable(ex);
        }
        catch (DbUpdateException ex) when (db.ChangeTracker.Entries<Tag>().Any(e => e.State == EntityState.Added))
        {
            // A colleague's save created one of the new tags at the same moment (the edition's slugs are unique):
            // nothing was stored; saving again finds the tag and uses it.
            await transaction.RollbackAsync(cancellationToken);
            pictures.Failed();
            db.ChangeTracker.Clear();
            logger.LogWarning(ex, "An article save was refused: a new tag was created by another save at the same moment");
            return SaveResult.Fail(SaveOutcome.Invalid, new Notice("Problem.TagCreatedMeanwhile"));
        }
        catch
        {
            pictures.Failed();
            throw;
        }

        await pictures.CommittedAsync(cancellationToken);
        if (!lockRefreshed)
        {
            await locks.ExecuteAsync(article.Id, who, cancellationToken);
        }

        return new SaveResult(SaveOutcome.Saved, article, problems) { WasLive = wasLive };
    }

    /// <summary>
    /// Keeps the text of someone whose editing a colleague took over as a set-aside revision, with its audit entry, and
    /// applies nothing (no command, no picture). The person is told now, so the displaced mark is cleared.
    /// </summary>
    private async Task<SaveResult> SetAsideAsync(Article article, ArticleContent content, EditLock held, EditorIdentity who, DateTime now, CancellationToken cancellationToken)
    {
        var displaced = held.DisplacedId == who.UserId && held.TakenOverAt is not null;
        var told = displaced
            ? new Notice("Lock.Notice.TakenOverKept", held.HolderName, EditLockHolder.Format(held.TakenOverAt!.Value))
            : new Notice("Lock.Notice.HeldKept", held.HolderName, EditLockHolder.Format(held.Since));
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var revision = new ArticleRevision(article, content, who.UserName, now, setAside: true);
            db.Revisions.Add(revision);
            if (displaced)
            {
                var before = EditLockRows.Snapshot.Of(held);
                held.ClearDisplaced();
                await EditLockRows.ReplaceAsync(db, before, held, cancellationToken);
            }

            var entry = audit.Add(AuditActions.EditSetAside, who.UserName, Target(article), $"kept as a revision: {held.HolderName} was editing");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            audit.Committed(entry);
            return new SaveResult(SaveOutcome.SetAside, article, [told]) { SetAside = revision };
        }
        catch (Exception ex) when (StorageFailure.IsStorageUnavailable(ex))
        {
            db.ChangeTracker.Clear();
            return Unavailable(ex);
        }
    }

    /// <summary>
    /// Stores the content as the command asks. A live story keeps a plain save as pending changes;
    /// "Update live article" (or "Publish") puts them live once the pre-publish checks pass.
    /// </summary>
    private async Task<IReadOnlyList<Notice>> CarryOutAsync(Article article, ArticleContent content, ArticleCommand command, EditorIdentity who, DateTime now, List<(string Action, string? Detail)> audited, CancellationToken cancellationToken)
    {
        if (article.Status == ArticleStatus.Published)
        {
            switch (command)
            {
                case ArticleCommand.DiscardPending:
                    // What was on the form is kept as a revision, so discarding never loses typing.
                    db.Revisions.Add(new ArticleRevision(article, content, who.UserName, now, pending: true));
                    article.DiscardPending();
                    article.Edited(now);
                    db.Revisions.Add(new ArticleRevision(article, who.UserName, now));
                    audited.Add((AuditActions.DiscardedPending, null));
                    return [];
                case ArticleCommand.UpdateLive or ArticleCommand.Publish:
                    var rendered = markdown.Render(content.BodyMarkdown);
                    var problems = PrePublishChecks.Problems(content, rendered.Html);
                    if (problems.Count > 0)
                    {
                        writer.KeepPending(article, content, who, now);
                        return [.. problems.Prepend(new Notice("Problem.SavedPendingNotLive"))];
                    }

                    var changed = ArticleContent.Differences(ArticleContent.Of(article), content);
                    await writer.ApplyAsync(article, content, who, now, rendered, cancellationToken);
                    article.DiscardPending();
                    audited.Add((AuditActions.UpdatedLive, changed.Count == 0 ? "no changes" : "changed: " + string.Join(", ", changed)));
                    return [];
                case ArticleCommand.Unpublish:
                    await writer.ApplyAsync(article, content, who, now, null, cancellationToken);
                    article.DiscardPending();
                    article.Unpublish();
                    audited.Add((AuditActions.Unpublished, null));
                    return [];
                default:
                    writer.KeepPending(article, content, who, now);
                    return command == ArticleCommand.Schedule ? [new Notice("Problem.AlreadyLiveSavedPending")] : [];
            }
        }

        await writer.ApplyAsync(article, content, who, now, null, cancellationToken);
        switch (command)
        {
            case ArticleCommand.Submit when article.Status is ArticleStatus.Draft or ArticleStatus.Unpublished:
                article.SubmitForReview();
                audited.Add((AuditActions.Submitted, null));
                return [];
            case ArticleCommand.Publish or ArticleCommand.Schedule:
                var problems = PrePublishChecks.Problems(article);
                if (problems.Count > 0)
                {
                    return [.. problems.Prepend(new Notice(command == ArticleCommand.Schedule ? "Problem.SavedNotScheduled" : "Problem.SavedNotPublished"))];
                }

                if (command == ArticleCommand.Schedule)
                {
                    if (content.PublishAt is not { } at || at <= now)
                    {
                        return [new Notice("Problem.ScheduleInFuture")];
                    }

                    article.Schedule(at, now);
                    audited.Add((AuditActions.Scheduled, $"at {at:u}"));
                    return [];
                }

                article.Publish(now);
                audited.Add((AuditActions.Published, null));
                return [];
            case ArticleCommand.Unpublish when article.Status is ArticleStatus.Scheduled:
                article.Unpublish();
                audited.Add((AuditActions.Unpublished, null));
                return [];
            case ArticleCommand.UpdateLive or ArticleCommand.DiscardPending:
                return [new Notice("Problem.NotLiveSaved")];
            default:
                return [];
        }
    }

    /// <summary>
    /// The slug follows the headline until the story is first published, unless the editor typed one;
    /// after publication it stays (old links keep working either way: the id finds the article).
    /// </summary>
    private static string ChooseSlug(ArticleForm form, ArticleContent? working, bool wasPublished, SlugPolicy policy, List<Notice> problems)
    {
        var generated = Slugs.From(form.Headline.Trim(), policy);
        var typed = form.Slug?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return generated;
        }

        if (working is not null && typed == working.Slug)
        {
            var followsHeadline = working.Slug == Slugs.From(working.Headline, policy);
            return followsHeadline && !wasPublished ? generated : working.Slug;
        }

        return Slugs.IsValid(typed) ? typed : Rejected(working?.Slug ?? generated);

        string Rejected(string kept)
        {
            problems.Add(new Notice("Problem.SlugNotChanged"));
            return kept;
        }
    }

    /// <summary>Applies the person's per-field choices after a conflict; null when a differing field has no choice.</summary>
    private static ArticleContent? Resolve(ArticleForm form, ArticleContent mine, ArticleContent theirs)
    {
        if (string.IsNullOrWhiteSpace(form.ConflictFields))
        {
            return mine;
        }

        foreach (var name in form.ConflictFields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<ArticleField>(name, out var field) || mine.SameAs(theirs, field))
            {
                continue;
            }

            switch (form.Resolve.GetValueOrDefault(name))
            {
                case "theirs":
                    mine = mine.With(field, theirs);
                    break;
                case "mine":
                    break;
                default:
                    return null;
            }
        }

        return mine;
    }

    /// <summary>What the person started from: the revision saved at the version their form was opened at, if it holds every field.</summary>
    private Task<ArticleContent?> StartedFromAsync(int articleId, int version, CancellationToken cancellationToken) =>
        db.Revisions.AsNoTracking().Where(r => r.ArticleId == articleId && r.Version == version && r.Content != null)
            .OrderByDescending(r => r.Id).Select(r => r.Content).FirstOrDefaultAsync(cancellationToken);

    private async Task<SaveResult> ConflictAsync(Article stored, ArticleContent theirs, ArticleContent mine, ArticleContent? startedFrom, Notice problem, CancellationToken cancellationToken)
    {
        var last = await db.Revisions.AsNoTracking().Where(r => r.ArticleId == stored.Id).OrderByDescending(r => r.Id)
            .Select(r => new { r.SavedBy, r.SavedAt }).FirstOrDefaultAsync(cancellationToken);
        return new SaveResult(SaveOutcome.Conflict, stored, [problem], new SaveConflict(theirs, mine, startedFrom, last?.SavedBy, last?.SavedAt));
    }

    /// <summary>
    /// The group a translation joins. The original must exist, be in another edition, and its story
    /// must not already be told in this edition (one version per language).
    /// </summary>
    private async Task<(TranslationGroup? Group, Notice? Problem)> TranslationGroupAsync(int originalId, Edition edition, CancellationToken cancellationToken)
    {
        var original = await db.Articles.Include(a => a.TranslationGroup).FirstOrDefaultAsync(a => a.Id == originalId, cancellationToken);
        if (original is null)
        {
            return (null, new Notice("Problem.OriginalGone", originalId));
        }

        if (original.EditionId == edition.Id)
        {
            return (null, new Notice("Problem.TranslationInOtherEdition"));
        }

        if (original.TranslationGroupId is { } groupId
            && await db.Articles.AnyAsync(a => a.TranslationGroupId == groupId && a.EditionId == edition.Id, cancellationToken))
        {
            return (null, new Notice("Problem.TranslationExists", edition.EnglishName));
        }

        var group = original.TranslationGroup;
        if (group is null)
        {
            group = new TranslationGroup();
            db.TranslationGroups.Add(group);
            original.JoinTranslationGroup(group);
        }

        return (group, null);
    }

    private SaveResult Unavailable(Exception failure)
    {
        logger.LogError(failure, "An article could not be stored: the disk is full or the database cannot be written");
        return SaveResult.Fail(SaveOutcome.Unavailable, new Notice("Problem.StorageUnavailable"));
    }

    private static string Target(Article article) => $"article {article.Id} “{article.Headline}”";
}
