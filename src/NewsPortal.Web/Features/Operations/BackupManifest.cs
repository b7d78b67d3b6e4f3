using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsPortal.Web.Features.Operations;

/// <summary>
/// The table of contents of a backup archive (<c>manifest.json</c>, its last entry): what it holds, from which
/// schema, and every other entry with its size and SHA-256, so that a restore can refuse a damaged or partial copy.
/// </summary>
public sealed record BackupManifest(
    string Format,
    int Version,
    DateTime CreatedAt,
    string? SchemaMigration,
    BackupCounts Counts,
    IReadOnlyList<BackupFile> Files)
{
    public const string EntryName = "manifest.json";

    public const string FormatName = "newsportal-backup";

    public const int CurrentVersion = 1;

    /// <summary>The folders of an archive, each restored to its own place in the data directory.</summary>
    public const string DatabaseEntry = "database/newsportal.db";

    /// <summary>The database of a site on PostgreSQL: <c>pg_dump</c>'s custom format (its data-protection keys are in it).</summary>
    public const string PostgresDatabaseEntry = "database/newsportal.pgdump";

    public const string MediaFolder = "media/";

    public const string MastersFolder = "masters/";

    public const string KeysFolder = "keys/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static BackupManifest? FromJson(Stream stream) => JsonSerializer.Deserialize<BackupManifest>(stream, Json);

    /// <summary>An entry name an archive may hold: a file directly inside one of the known folders, nothing that climbs out.</summary>
    public static bool IsAllowedEntry(string name) =>
        name is DatabaseEntry or PostgresDatabaseEntry
        || (new[] { MediaFolder, MastersFolder, KeysFolder }.Any(f => name.StartsWith(f, StringComparison.Ordinal))
            && name.Count(c => c == '/') == 1
            && Path.GetFileName(name) is { Length: > 0 } file
            && file == file.Trim()
            && !file.StartsWith('.')
            && file.IndexOfAny(Path.GetInvalidFileNameChars()) < 0);

    public static string Sha256(byte[] hash) => Convert.ToHexStringLower(hash);

    /// <summary>Reads <paramref name="input"/> to its end, copying it to <paramref name="output"/> if given, and returns its size and SHA-256.</summary>
    internal static async Task<(long Bytes, string Sha256)> HashAsync(Stream input, Stream? output, Action<long> read, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long bytes = 0;
        int count;
        while ((count = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, count);
            if (output is not null)
            {
                await output.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
            }

            bytes += count;
            read(bytes);
        }

        return (bytes, Sha256(hash.GetHashAndReset()));
    }
}

public sealed record BackupFile(string Path, long Bytes, string Sha256);

public sealed record BackupCounts(int Editions, int Articles, int Revisions, int Pictures, int Accounts);

/// <summary>
/// How far a backup or restore has got, in bytes of the files it copies; <paramref name="Step"/> names the stage
/// when it begins (a stage without a measurable amount, such as SQLite's integrity check, reports 0 of 0).
/// </summary>
public sealed record ArchiveProgress(long Done, long Total, string Current, string? Step = null);

/// <summary>A backup or restore that cannot go on, with the sentence for the operator.</summary>
public sealed class ArchiveException(string message, Exception? inner = null) : Exception(message, inner);
