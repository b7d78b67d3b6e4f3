using Microsoft.Data.Sqlite;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>
/// Reads a data directory as it is on disk (the site stopped or killed): SQLite's own integrity and foreign-key
/// checks, every acknowledged save against <see cref="SaveLedger"/>, and every lead picture's files.
/// </summary>
public static class StoredArchive
{
    /// <summary>Everything wrong with the archive in <paramref name="dataDirectory"/>; empty when nothing is.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(string dataDirectory, IReadOnlyDictionary<int, (IReadOnlySet<string> Hashes, bool Published)> expected)
    {
        var problems = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "newsportal.db")};Pooling=False");
        await connection.OpenAsync();

        var integrity = await ListAsync(connection, "PRAGMA integrity_check", r => r.GetString(0));
        if (integrity is not ["ok"])
        {
            problems.Add("integrity_check: " + string.Join("; ", integrity));
        }

        var foreignKeys = await ListAsync(connection, "PRAGMA foreign_key_check", r => $"{r.GetString(0)} row {r.GetValue(1)} → {r.GetString(2)}");
        problems.AddRange(foreignKeys.Select(f => "foreign_key_check: " + f));

        var articles = (await ListAsync(connection, "SELECT \"Id\", \"Headline\", \"Lead\", \"BodyMarkdown\", \"Status\" FROM \"Articles\"",
            r => (Id: r.GetInt32(0), Hash: StoryText.Of(r.GetString(1), r.GetString(2), r.GetString(3)), Status: r.GetString(4))))
            .ToDictionary(a => a.Id);
        foreach (var (id, (hashes, published)) in expected)
        {
            if (!articles.TryGetValue(id, out var stored))
            {
                problems.Add($"article {id} was acknowledged but is missing");
            }
            else if (!hashes.Contains(stored.Hash))
            {
                problems.Add($"article {id} holds text that was never the last acknowledged save (or one sent after it)");
            }
            else if (published && stored.Status != nameof(ArticleStatus.Published))
            {
                problems.Add($"article {id} was published but is {stored.Status}");
            }
        }

        var pictures = await ListAsync(connection,
            "SELECT a.\"Id\", i.\"StorageKey\", i.\"Width\" FROM \"Articles\" a LEFT JOIN \"Images\" i ON i.\"Id\" = a.\"LeadImageId\" WHERE a.\"LeadImageId\" IS NOT NULL",
            r => (Article: r.GetInt32(0), Key: r.IsDBNull(1) ? null : r.GetString(1), Width: r.IsDBNull(2) ? 0 : r.GetInt32(2)));
        foreach (var (article, key, width) in pictures)
        {
            if (key is null)
            {
                problems.Add($"article {article} points at a picture that is not stored");
                continue;
            }

            foreach (var rendition in Image.RenditionWidthsFor(width))
            {
                if (!File.Exists(Path.Combine(dataDirectory, "media", Image.RenditionFileName(key, rendition))))
                {
                    problems.Add($"article {article}'s picture {Image.RenditionFileName(key, rendition)} is missing from media/");
                }
            }
        }

        return problems;
    }

    /// <summary>How many articles and pictures the archive holds.</summary>
    public static async Task<(long Articles, long Pictures)> CountsAsync(string dataDirectory)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "newsportal.db")};Pooling=False");
        await connection.OpenAsync();
        var articles = (await ListAsync(connection, "SELECT COUNT(*) FROM \"Articles\"", r => r.GetInt64(0)))[0];
        var pictures = (await ListAsync(connection, "SELECT COUNT(*) FROM \"Images\"", r => r.GetInt64(0)))[0];
        return (articles, pictures);
    }

    private static async Task<List<T>> ListAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
