using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.ReaderCache;

/// <summary>
/// Evicts the cached reader pages a save changed, whichever use case saved: publishing, editing,
/// unpublishing, correcting, scheduling, the scheduler, restoring a revision, and the admin pages for
/// editions, sections and sources. Before the save it notes what each changed row looked like; after the
/// commit it reads what the changed articles look like now, and evicts the tags of both states.
/// A draft nobody can read evicts nothing.
/// <para>
/// A page rendered from the old data while the save commits could be stored just after the eviction; the
/// tags are therefore evicted a second time a moment later (<see cref="SecondEvictionDelay"/>), so no reader
/// sees such a page for longer than that.
/// </para>
/// </summary>
public sealed class ReaderCacheInvalidation(
    IOutputCacheStore store,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<ReaderCacheInvalidation> logger,
    IEnumerable<IArticleChangeListener> listeners,
    IEnumerable<IReaderPagesChangedListener> copies) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public static readonly TimeSpan SecondEvictionDelay = TimeSpan.FromSeconds(1);

    private readonly ConditionalWeakTable<DbContext, PendingChanges> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Saved(eventData.Context) is { } context)
        {
            EvictAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Saved(eventData.Context) is { } context)
        {
            await EvictAsync(context, CancellationToken.None);
        }

        return result;
    }

    /// <summary>
    /// The context whose save has just completed, when it is time to evict: the rows are committed and new
    /// articles have their ids. Inside an explicit transaction nothing is visible yet: that waits for the commit.
    /// </summary>
    private DbContext? Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return null;
        }

        pending.Saving = false;
        return context.Database.CurrentTransaction is null ? context : null;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Discard(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (Committed(eventData.Context) is { } context)
        {
            EvictAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Committed(eventData.Context) is { } context ? EvictAsync(context, CancellationToken.None) : Task.CompletedTask;

    /// <summary>An explicit transaction committed; the transaction a single save makes for itself is left to <see cref="Saved"/>.</summary>
    private DbContext? Committed(DbContext? context) =>
        context is not null && _pending.TryGetValue(context, out var pending) && !pending.Saving ? context : null;

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private void Discard(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    /// <summary>Notes, before the save, what every changed row that readers can see looked like.</summary>
    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var pending = _pending.GetValue(context, _ => new PendingChanges());
        pending.Saving = true;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Article article:
                    pending.Articles.Add(article);
                    if (entry.State != EntityState.Added)
                    {
                        pending.Before.Add(ArticleState.Original(entry));
                    }

                    break;
                case ArticleSource credit:
                    pending.ArticleIds.Add(Original<int>(entry, nameof(ArticleSource.ArticleId)));
                    pending.SourceIds.Add(Original<int>(entry, nameof(ArticleSource.SourceId)));
                    pending.ArticleIds.Add(credit.ArticleId);
                    break;
                case ArticleContributor contributor:
                    pending.ArticleIds.Add(Original<int>(entry, nameof(ArticleContributor.ArticleId)));
                    pending.PersonIds.Add(Original<int>(entry, nameof(ArticleContributor.PersonId)));
                    pending.ArticleIds.Add(contributor.ArticleId);
                    break;
                case LiveUpdateContributor:
                    // Posted and corrected with its update, whose coverage pages the update's own entry evicts.
                    break;
                case Person person when entry.State != EntityState.Added:
                    // A person's names show on their author pages and in the bylines of every story crediting them.
                    pending.Tags.Add(ReaderCacheTags.Person(person.Id));
                    pending.Tags.Add(ReaderCacheTags.Feeds);
                    pending.Tags.Add(ReaderCacheTags.Sitemaps);
                    break;
                case PersonProfile profile:
                    pending.Tags.Add(ReaderCacheTags.Person(profile.PersonId));
                    pending.Tags.Add(ReaderCacheTags.Feeds);
                    break;
                case ArticleTag topic:
                    pending.ArticleIds.Add(Original<int>(entry, nameof(ArticleTag.ArticleId)));
                    pending.TagIds.Add(Original<int>(entry, nameof(ArticleTag.TagId)));
                    pending.ArticleIds.Add(topic.ArticleId);
                    break;
                case Tag tag when entry.State != EntityState.Added:
                    // A renamed tag shows on its pages and on every article page of the edition that lists it.
                    pending.Tags.Add(ReaderCacheTags.Topic(tag.Id));
                    pending.Tags.Add(ReaderCacheTags.Edition(tag.EditionId));
                    break;
                case Correction correction:
                    pending.ArticleIds.Add(correction.ArticleId);
                    break;
                case RelatedArticle:
                    // A related-story list shows on its article's pages only.
                    pending.Tags.Add(ReaderCacheTags.Article(Original<int>(entry, nameof(RelatedArticle.ArticleId))));
                    break;
                case LiveUpdate update:
                    // An update shows on its coverage's pages and feed only: nothing else of the edition is evicted.
                    pending.Tags.Add(ReaderCacheTags.Article(update.ArticleId));
                    break;
                case LiveUpdateSource:
                    break;
                case Image image when entry.State != EntityState.Added:
                    pending.ImageIds.Add(image.Id);
                    break;
                case Section section:
                    pending.Tags.Add(ReaderCacheTags.Edition(Original<int>(entry, nameof(Section.EditionId))));
                    pending.Tags.Add(ReaderCacheTags.Edition(section.EditionId));
                    pending.Tags.Add(ReaderCacheTags.Section(section.Id));
                    pending.Tags.Add(ReaderCacheTags.Sitemaps);
                    break;
                case Source source when entry.State != EntityState.Added:
                    pending.Tags.Add(ReaderCacheTags.Source(Original<string>(entry, nameof(Source.Code))));
                    pending.Tags.Add(ReaderCacheTags.Source(source.Code));
                    pending.Tags.Add(ReaderCacheTags.Feeds);
                    break;
                case SourceLocalName:
                    pending.SourceIds.Add(Original<int>(entry, "SourceId"));
                    pending.Tags.Add(ReaderCacheTags.Feeds);
                    pending.SourceNamesChanged = true;
                    break;
                case Edition:
                    pending.Tags.Add(ReaderCacheTags.All);
                    break;
            }
        }
    }

    private async Task EvictAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (!_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        try
        {
            var tags = await TagsAsync(pending, cancellationToken);
            var changed = pending.ArticleIds.ToList();
            Tell(changed);
            await EvictTagsAsync(tags, cancellationToken);
            _ = EvictAgainAsync(tags, changed);
            if (tags.Count > 0)
            {
                foreach (var copy in copies)
                {
                    copy.PagesChanged(tags);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The save has committed; a failure here must not turn it into an error for the editor.
            logger.LogError(ex, "Cached reader pages could not be evicted after a save; they expire on their own");
        }
    }

    /// <summary>The tags of what the changed articles showed before the save and show now.</summary>
    private async Task<HashSet<string>> TagsAsync(PendingChanges pending, CancellationToken cancellationToken)
    {
        var tags = new HashSet<string>(pending.Tags, StringComparer.Ordinal);
        foreach (var article in pending.Articles)
        {
            pending.ArticleIds.Add(article.Id);
        }

        pending.ArticleIds.RemoveWhere(id => id <= 0);
        if (pending.ArticleIds.Count == 0 && pending.ImageIds.Count == 0 && pending.SourceIds.Count == 0)
        {
            return tags;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsPortalDbContext>();
        var ids = pending.ArticleIds.ToList();
        var imageIds = pending.ImageIds.ToList();
        var now = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id) || (a.LeadImageId != null && imageIds.Contains(a.LeadImageId.Value)))
            .Select(a => new ArticleState(a.Id, a.EditionId, a.SectionId, a.TranslationGroupId, a.Status, a.BreakingUntil, a.IsLiveCoverage && a.CoverageEndedAt == null, a.Sources.Select(s => s.SourceId).ToList(), a.Tags.Select(t => t.TagId).ToList())
            {
                PersonIds = a.Contributors.Select(c => c.PersonId).ToList(),
            })
            .ToListAsync(cancellationToken);

        var sourceIds = pending.SourceIds
            .Concat(pending.Before.SelectMany(a => a.SourceIds))
            .Concat(now.SelectMany(a => a.SourceIds))
            .ToHashSet();
        var codes = await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Code, cancellationToken);
        if (pending.SourceNamesChanged)
        {
            tags.UnionWith(pending.SourceIds.Where(codes.ContainsKey).Select(id => ReaderCacheTags.Source(codes[id])));
        }

        // An article's tags before the save are its tags now, unless the save changed them (pending.TagIds has those).
        var tagsNow = now.ToDictionary(a => a.Id, a => a.TagIds);
        var instant = time.GetUtcNow().UtcDateTime;
        foreach (var state in pending.Before.Concat(now))
        {
            if (!state.IsPublic)
            {
                continue;
            }

            tags.Add(ReaderCacheTags.Article(state.Id));
            tags.Add(ReaderCacheTags.Front(state.EditionId));
            tags.Add(ReaderCacheTags.Section(state.SectionId));
            tags.Add(ReaderCacheTags.Search(state.EditionId));
            tags.Add(ReaderCacheTags.Corrections(state.EditionId));
            tags.Add(ReaderCacheTags.Sitemaps);
            if (state.TranslationGroupId is { } group)
            {
                tags.Add(ReaderCacheTags.TranslationGroup(group));
            }

            if (state.BreakingUntil > instant || state.CoverageOpen)
            {
                // The breaking banner (and open live coverage's LIVE banner) is on every page of the edition.
                tags.Add(ReaderCacheTags.Edition(state.EditionId));
            }

            foreach (var personId in now.Where(a => a.Id == state.Id).SelectMany(a => a.PersonIds).Concat(pending.PersonIds))
            {
                tags.Add(ReaderCacheTags.PersonList(state.EditionId, personId));
            }

            foreach (var sourceId in state.SourceIds.Concat(pending.SourceIds).Where(codes.ContainsKey))
            {
                tags.Add(ReaderCacheTags.SourceList(state.EditionId, codes[sourceId]));
            }

            // The tag pages and feeds that list the story, before and after (a tag taken off it included).
            foreach (var tagId in state.TagIds.Concat(tagsNow.GetValueOrDefault(state.Id) ?? []).Concat(pending.TagIds).Where(id => id > 0))
            {
                tags.Add(ReaderCacheTags.Topic(tagId));
            }
        }

        return tags;
    }

    private async Task EvictTagsAsync(IEnumerable<string> tags, CancellationToken cancellationToken)
    {
        foreach (var tag in tags)
        {
            await store.EvictByTagAsync(tag, cancellationToken);
        }
    }

    private void Tell(List<int> changedArticles)
    {
        if (changedArticles.Count == 0)
        {
            return;
        }

        foreach (var listener in listeners)
        {
            listener.ArticlesChanged(changedArticles);
        }
    }

    private async Task EvictAgainAsync(HashSet<string> tags, List<int> changedArticles)
    {
        if (tags.Count == 0)
        {
            return;
        }

        try
        {
            await Task.Delay(SecondEvictionDelay, time);
            Tell(changedArticles);
            await EvictTagsAsync(tags, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The second eviction of cached reader pages failed; they expire on their own");
        }
    }

    private static T Original<T>(EntityEntry entry, string property) =>
        entry.State == EntityState.Added ? (T)entry.Property(property).CurrentValue! : (T)entry.Property(property).OriginalValue!;

    private sealed class PendingChanges
    {
        public List<Article> Articles { get; } = [];

        public List<ArticleState> Before { get; } = [];

        public HashSet<int> ArticleIds { get; } = [];

        public HashSet<int> ImageIds { get; } = [];

        public HashSet<int> SourceIds { get; } = [];

        public HashSet<int> PersonIds { get; } = [];
        public HashSet<int> TagIds { get; } = [];

        public HashSet<string> Tags { get; } = [];

        public bool SourceNamesChanged { get; set; }

        /// <summary>Between SavingChanges and SavedChanges: a commit now is the save's own transaction.</summary>
        public bool Saving { get; set; }
    }

    /// <summary>What decides which cached pages show an article.</summary>
    private sealed record ArticleState(int Id, int EditionId, int SectionId, int? TranslationGroupId, ArticleStatus Status, DateTime? BreakingUntil, bool CoverageOpen, List<int> SourceIds, List<int> TagIds)
    {
        /// <summary>The people credited now (an article's earlier credits are noted from its changed contributor rows).</summary>
        public List<int> PersonIds { get; init; } = [];

        /// <summary>Published (readers see it) or scheduled (pages end their life when it is due).</summary>
        public bool IsPublic => Status is ArticleStatus.Published or ArticleStatus.Scheduled;

        public static ArticleState Original(EntityEntry entry)
        {
            var article = (Article)entry.Entity;
            return new ArticleState(
                article.Id,
                Original<int>(entry, nameof(Article.EditionId)),
                Original<int>(entry, nameof(Article.SectionId)),
                Original<int?>(entry, nameof(Article.TranslationGroupId)),
                Original<ArticleStatus>(entry, nameof(Article.Status)),
                Original<DateTime?>(entry, nameof(Article.BreakingUntil)),
                Original<bool>(entry, nameof(Article.IsLiveCoverage)) && Original<DateTime?>(entry, nameof(Article.CoverageEndedAt)) is null,
                [],
                []);
        }
    }
}
