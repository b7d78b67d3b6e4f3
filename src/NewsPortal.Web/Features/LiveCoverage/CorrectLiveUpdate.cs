using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.Web.Features.LiveCoverage;

/// <summary>
/// Corrects a posted update: readers see the new text with the correction note and its time under it, and the audit
/// entry keeps the text as it was, so nothing is changed silently. A correction started from an older version of
/// the update (a colleague corrected it meanwhile) is refused and the form shown again with the person's text.
/// </summary>
public sealed class CorrectLiveUpdate(NewsPortalDbContext db, LiveUpdateContent content, AuditTrail audit, TimeProvider time, ILogger<CorrectLiveUpdate> logger)
{
    public async Task<LiveDeskResult> ExecuteAsync(int articleId, long updateId, LiveUpdateForm form, IFormFile? picture, EditorIdentity who, CancellationToken cancellationToken)
    {
        var update = await db.LiveUpdates.Include(u => u.Article).Include(u => u.Sources).Include(u => u.Image)
            .FirstOrDefaultAsync(u => u.Id == updateId && u.ArticleId == articleId, cancellationToken);
        if (update is null)
        {
            return LiveDeskResult.Fail(LiveDeskOutcome.NotFound);
        }

        if (update.IsRemoved)
        {
            return LiveDeskResult.Fail(LiveDeskOutcome.Conflict, new Notice("Live.Problem.Removed"));
        }

        if (update.Version != form.Version)
        {
            return LiveDeskResult.Fail(LiveDeskOutcome.Conflict, new Notice("Live.Problem.ChangedMeanwhile"));
        }

        if (string.IsNullOrWhiteSpace(form.CorrectionNote))
        {
            return LiveDeskResult.Fail(LiveDeskOutcome.Invalid, new Notice("Live.Problem.NoteNeeded"));
        }

        var (prepared, refused) = await content.PrepareAsync(form, picture, keepsPicture: update.ImageId is not null, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var before = update.QuoteText is null ? update.BodyMarkdown : $"{update.BodyMarkdown}\n> {update.QuoteText} — {update.QuoteAttribution}";
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            update.Write(form.Title, form.Markdown, prepared!.Body, form.Quote, form.QuoteBy);
            update.CreditSources(prepared.Sources);
            if (prepared.Picture is { } stored)
            {
                update.SetImage(LiveUpdateContent.NewImage(stored, form, now));
            }
            else if (form.RemoveImage)
            {
                update.SetImage(null);
            }
            else if (update.Image is { } image)
            {
                image.Describe(form.AltText, form.ImageIsDecorative);
                image.Caption = string.IsNullOrWhiteSpace(form.Caption) ? null : form.Caption.Trim();
                image.Credit = string.IsNullOrWhiteSpace(form.Credit) ? null : form.Credit.Trim();
            }

            update.MarkCorrected(form.CorrectionNote, now);
            var entry = audit.Add(AuditActions.LiveUpdateCorrected, who.UserName, PostLiveUpdate.Target(update.Article, update), $"{form.CorrectionNote.Trim()} | before: {before}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            audit.Committed(entry);
            return LiveDeskResult.Done(update.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            content.Failed(prepared);
            return LiveDeskResult.Fail(LiveDeskOutcome.Conflict, new Notice("Live.Problem.ChangedMeanwhile"));
        }
        catch (Exception ex) when (StorageFailure.IsStorageUnavailable(ex))
        {
            content.Failed(prepared);
            logger.LogError(ex, "A correction of live update {UpdateId} could not be stored", updateId);
            return LiveDeskResult.Fail(LiveDeskOutcome.Unavailable, new Notice("Problem.StorageUnavailable"));
        }
        catch
        {
            content.Failed(prepared);
            throw;
        }
    }
}
