using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.Web.Features.LiveCoverage;

/// <summary>
/// Posts an update to open live coverage: readers see it at once (its coverage's cached pages are evicted on commit).
/// Posting only adds a row, never changes the article, so any number of people post to one coverage at the same
/// time without conflicts. The update, its picture and the audit entry commit together.
/// </summary>
public sealed class PostLiveUpdate(NewsPortalDbContext db, LiveUpdateContent content, AuditTrail audit, TimeProvider time, ILogger<PostLiveUpdate> logger)
{
    public async Task<LiveDeskResult> ExecuteAsync(int articleId, LiveUpdateForm form, IFormFile? picture, EditorIdentity who, CancellationToken cancellationToken)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null)
        {
            return LiveDeskResult.Fail(LiveDeskOutcome.NotFound);
        }

        if (!article.IsCoverageOpen)
        {
            return LiveDeskResult.Fail(LiveDeskOutcome.Conflict, new Notice(article.IsLiveCoverage ? "Live.Problem.Ended" : "Live.Problem.NotCoverage"));
        }

        var (prepared, refused) = await content.PrepareAsync(form, picture, keepsPicture: false, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var update = new LiveUpdate(article, who.UserId, NewsroomDisplayName(who), now);
            update.Write(form.Title, form.Markdown, prepared!.Body, form.Quote, form.QuoteBy);
            update.CreditSources(prepared.Sources);
            update.SetContributors(prepared.Contributors.Count > 0 ? prepared.Contributors : await OwnPersonAsync(who, cancellationToken));
            if (prepared.Picture is { } stored)
            {
                update.SetImage(LiveUpdateContent.NewImage(stored, form, now));
            }

            if (form.Pin)
            {
                update.Pin(true);
            }

            db.LiveUpdates.Add(update);
            await db.SaveChangesAsync(cancellationToken);
            var entry = audit.Add(AuditActions.LiveUpdatePosted, who.UserName, Target(article, update), Anchors.Shorten(update.Title ?? update.BodyText, 200));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            audit.Committed(entry);
            return LiveDeskResult.Done(update.Id);
        }
        catch (Exception ex) when (StorageFailure.IsStorageUnavailable(ex))
        {
            content.Failed(prepared);
            logger.LogError(ex, "A live update to article {ArticleId} could not be stored", articleId);
            return LiveDeskResult.Fail(LiveDeskOutcome.Unavailable, new Notice("Problem.StorageUnavailable"));
        }
        catch
        {
            content.Failed(prepared);
            throw;
        }
    }

    /// <summary>The name readers see with the update: the person's display name, as on the article form's byline.</summary>
    private string NewsroomDisplayName(EditorIdentity who) =>
        db.Users.AsNoTracking().Where(u => u.Id == who.UserId).Select(u => u.DisplayName).FirstOrDefault() is { Length: > 0 } name ? name : who.UserName;

    /// <summary>The person the poster's account writes as (never a pen name, which is chosen on purpose), as the update's writer.</summary>
    private async Task<List<ContributorEntry>> OwnPersonAsync(EditorIdentity who, CancellationToken cancellationToken) =>
        await db.People.AsNoTracking().Where(p => p.UserId == who.UserId && !p.IsPenName).OrderBy(p => p.Id).Select(p => p.Id).Take(1)
            .Select(id => new ContributorEntry(id, ContributorRole.Writing)).ToListAsync(cancellationToken);

    internal static string Target(Article article, LiveUpdate update) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"article {article.Id} “{article.Headline}”, update {update.Id}");
}
