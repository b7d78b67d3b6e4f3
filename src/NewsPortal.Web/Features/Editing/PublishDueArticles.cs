using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;

namespace NewsPortal.Web.Features.Editing;

/// <summary>
/// Publishes every scheduled article whose time has come, including those missed while the site was
/// down. Running it twice publishes nothing twice: only articles still marked Scheduled are touched,
/// and a concurrent publisher's change wins. Each publication commits with its audit entry and the related-story
/// lists it changes.
/// </summary>
public sealed class PublishDueArticles(NewsPortalDbContext db, AuditTrail audit, Related.RefreshRelatedStories related, TimeProvider time, ILogger<PublishDueArticles> logger)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Articles.Include(a => a.LeadImage)
            .Where(a => a.Status == ArticleStatus.Scheduled && a.ScheduledAt <= now)
            .OrderBy(a => a.ScheduledAt)
            .ToListAsync(cancellationToken);
        var published = 0;
        foreach (var article in due)
        {
            AuditEntry? entry = null;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                article.Publish(now);
                // The audit entry and the related-story lists commit with the publication, or none does.
                entry = audit.Add(AuditActions.Published, "scheduler", $"article {article.Id} “{article.Headline}”", $"scheduled for {article.PublishedAt:u}");
                await db.SaveChangesAsync(cancellationToken);
                await related.ExecuteAsync(article.Id, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                audit.Committed(entry);
                published++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone changed it meanwhile (published, unpublished or edited it): their change stands.
                await transaction.RollbackAsync(CancellationToken.None);
                Forget(article, entry);
            }
            catch (InvalidOperationException ex)
            {
                logger.LogWarning("Scheduled article {Id} could not be published: {Reason}", article.Id, ex.Message);
                await transaction.RollbackAsync(CancellationToken.None);
                Forget(article, entry);
            }
        }

        return published;
    }

    private void Forget(Article article, AuditEntry? entry)
    {
        db.Entry(article).State = EntityState.Detached;
        if (entry is not null)
        {
            db.Entry(entry).State = EntityState.Detached;
        }
    }

    /// <summary>The scheduled time of the oldest article that should have been published and was not.</summary>
    public static Task<DateTime?> OldestOverdueAsync(NewsPortalDbContext db, DateTime now, CancellationToken cancellationToken) =>
        db.Articles.Where(a => a.Status == ArticleStatus.Scheduled && a.ScheduledAt <= now).MinAsync(a => a.ScheduledAt, cancellationToken);
}

/// <summary>
/// Runs <see cref="PublishDueArticles"/> at startup (catching up) and then every <c>Site:SchedulerIntervalSeconds</c>;
/// each round also deletes the taken-down pictures whose time is up (<c>Storage:TakenDownPictureHours</c>), so a
/// picture taken down is gone for good on time even when no other picture is taken down after it.
/// </summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptionsMonitor<Settings.SiteOptions> site, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var count = await scope.ServiceProvider.GetRequiredService<PublishDueArticles>().ExecuteAsync(stoppingToken);
                if (count > 0)
                {
                    logger.LogInformation("Published {Count} scheduled article(s)", count);
                }

                scope.ServiceProvider.GetRequiredService<Content.Media.ImageRenditionWriter>().PurgeTakenDown();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The scheduled publisher failed; it tries again at the next interval");
            }

            await Task.Delay(TimeSpan.FromSeconds(site.CurrentValue.SchedulerIntervalSeconds), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
