using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;

namespace NewsPortal.Web.Features.Reading;

/// <summary>
/// Writes the reads counted in memory to the hourly <c>ReadCounts</c> rows, all in one transaction: each adds to its
/// article's row for the hour, or creates it (<c>INSERT … ON CONFLICT DO UPDATE</c>, the same statement on SQLite and
/// PostgreSQL, so instances sharing a database add up rather than overwrite). A read of an article deleted meanwhile
/// inserts nothing (the row is made from the article's own row), so it cannot fail the batch. When the write fails,
/// the reads go back to the counter for the next attempt and the failure is thrown to the caller.
/// </summary>
public sealed class FlushReadCounts(NewsPortalDbContext db, ReadCounter counter)
{
    /// <summary>Writes what was counted; the number of reads written.</summary>
    public async Task<long> ExecuteAsync(CancellationToken cancellationToken)
    {
        var batch = counter.Take();
        if (batch.Count == 0)
        {
            return 0;
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var reads in batch)
            {
                await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO "ReadCounts" ("ArticleId", "EditionId", "Hour", "Count")
                    SELECT "Id", "EditionId", {reads.Hour}, {reads.Count} FROM "Articles" WHERE "Id" = {reads.ArticleId}
                    ON CONFLICT ("ArticleId", "Hour") DO UPDATE SET "Count" = "ReadCounts"."Count" + excluded."Count"
                    """,
                    cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            counter.Return(batch);
            throw;
        }

        return batch.Sum(r => (long)r.Count);
    }
}
