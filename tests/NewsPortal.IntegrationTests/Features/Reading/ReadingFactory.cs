using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Reading;

namespace NewsPortal.IntegrationTests.Features.Reading;

/// <summary>Read counting, most-read and related-story tests count, publish and unpublish: they get a database of their own.</summary>
public sealed class ReadingFactory : NewsPortalFactory
{
    /// <summary>Writes the reads counted so far, as the background writer does every few seconds.</summary>
    public async Task FlushReadsAsync() => Assert.True(await Service<ReadCountFlusher>().FlushAsync(CancellationToken.None));

    /// <summary>Every read of <paramref name="articleId"/> stored, after writing the ones counted so far.</summary>
    public async Task<int> StoredReadsAsync(int articleId)
    {
        await FlushReadsAsync();
        return await this.QueryAsync(db => db.ReadCounts.Where(r => r.ArticleId == articleId).SumAsync(r => r.Count));
    }

    /// <summary>A published story of the edition (the <paramref name="skip"/>-th newest) and its address.</summary>
    public Task<(int Id, string Url)> StoryAsync(string edition, int skip = 0) =>
        this.QueryAsync(async db =>
        {
            var story = await db.Articles.Where(a => a.Edition.Code == edition && a.Status == ArticleStatus.Published && !a.IsLiveCoverage)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Skip(skip).Select(a => new { a.Id, a.Slug }).FirstAsync();
            return (story.Id, $"/{edition}/a/{Uri.EscapeDataString(story.Slug)}/{story.Id}");
        });
}

[CollectionDefinition(Name)]
public sealed class ReadingCollection : ICollectionFixture<ReadingFactory>
{
    public const string Name = "Reading";
}

/// <summary>The app's clock moved by <see cref="Offset"/>, for a host that lives at another time.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
