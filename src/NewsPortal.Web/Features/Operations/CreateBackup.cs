using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Data.Postgres;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Operations;

/// <summary>
/// Writes one archive of everything the site needs to come back: a consistent snapshot of the database taken while
/// the site serves and editors write (SQLite: <c>VACUUM INTO</c>, one read transaction, never a file copy;
/// PostgreSQL: <c>pg_dump</c> of a snapshot exported from a repeatable-read transaction), the pictures that snapshot
/// shows (renditions and masters), the data-protection keys (so signed-in sessions survive a restore; on PostgreSQL
/// they are in the database), and a manifest with a checksum of each. Pictures uploaded after the snapshot are not in
/// it, as their articles are not. The archive appears under its name only once complete.
/// </summary>
public sealed class CreateBackup(NewsPortalDbContext db, StoragePaths paths, TimeProvider time, Microsoft.Extensions.Options.IOptions<DatabaseOptions> database)
{
    public async Task<BackupManifest> ExecuteAsync(string file, IProgress<ArchiveProgress>? progress, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(file);
        if (File.Exists(target))
        {
            throw new ArchiveException($"{target} exists already; choose a new file name.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var postgres = db.Database.IsNpgsql();
        var snapshot = Path.Combine(paths.DataDirectory, $"backup-{Guid.NewGuid():N}" + (postgres ? ".pgdump" : ".db"));
        var partial = target + ".partial";
        try
        {
            var databaseEntry = postgres ? BackupManifest.PostgresDatabaseEntry : BackupManifest.DatabaseEntry;
            BackupCounts counts;
            string? migration;
            List<(string Key, int Width)> pictures;
            if (postgres)
            {
                progress?.Report(new ArchiveProgress(0, 0, databaseEntry, "Taking a consistent snapshot of the database (pg_dump of an exported snapshot)"));
                (counts, migration, pictures) = await DumpPostgresAsync(snapshot, cancellationToken);
            }
            else
            {
                progress?.Report(new ArchiveProgress(0, 0, databaseEntry, "Taking a consistent snapshot of the database (VACUUM INTO)"));
                await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [snapshot], cancellationToken);
                (counts, migration, pictures) = await ReadSnapshotAsync(snapshot, cancellationToken);
            }

            var files = new List<(string Entry, string Source)> { (databaseEntry, snapshot) };
            files.AddRange(PictureFiles(pictures));
            files.AddRange(KeyFiles());

            var total = files.Sum(f => new FileInfo(f.Source) is { Exists: true } info ? info.Length : 0);
            progress?.Report(new ArchiveProgress(0, total, "", "Writing the archive (pictures, keys, manifest)"));
            var listed = new List<BackupFile>();
            long done = 0;
            BackupManifest manifest;
            await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
                {
                    foreach (var (entry, source) in files)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        listed.Add(await AddAsync(zip, entry, source, bytes => progress?.Report(new ArchiveProgress(done + bytes, total, entry)), cancellationToken));
                        done += listed[^1].Bytes;
                    }

                    manifest = new BackupManifest(BackupManifest.FormatName, BackupManifest.CurrentVersion, time.GetUtcNow().UtcDateTime, migration, counts, listed);
                    await using var manifestStream = zip.CreateEntry(BackupManifest.EntryName, CompressionLevel.Optimal).Open();
                    await manifestStream.WriteAsync(manifest.ToJson(), cancellationToken);
                }

                // On disk before it takes its name: a crash never leaves a half archive under the final name.
                output.Flush(flushToDisk: true);
            }

            File.Move(partial, target);
            progress?.Report(new ArchiveProgress(total, total, BackupManifest.EntryName));
            return manifest;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(snapshot);
            File.Delete(partial);
        }
    }

    /// <summary>
    /// PostgreSQL: a repeatable-read transaction exports its snapshot; the counts, the schema and the pictures are read
    /// in it, and <c>pg_dump</c> dumps exactly that snapshot (<c>--snapshot</c>) while the transaction stays open, so the
    /// dump and the list of pictures agree whatever editors save meanwhile.
    /// </summary>
    private async Task<(BackupCounts Counts, string? Migration, List<(string Key, int Width)> Pictures)> DumpPostgresAsync(string dump, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            var exported = await db.Database.SqlQuery<string>($"SELECT pg_export_snapshot() AS \"Value\"").SingleAsync(cancellationToken);
            var counts = await CountAsync(db, cancellationToken);
            var migration = await db.Database.SqlQuery<string>($"SELECT \"MigrationId\" AS \"Value\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1")
                .FirstOrDefaultAsync(cancellationToken);
            var pictures = await db.Images.AsNoTracking().Select(i => new { i.StorageKey, i.Width }).ToListAsync(cancellationToken);
            var tools = new PostgresClientTools(db.Database.GetConnectionString()!, database.Value.PostgresClientDirectory);
            await tools.RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={exported}", $"--file={dump}"], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (counts, migration, pictures.Select(p => (p.StorageKey, p.Width)).ToList());
        }
        catch (PostgresClientException ex)
        {
            throw new ArchiveException(ex.Message, ex);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>What the manifest counts, read from the snapshot (or inside the transaction that exported it).</summary>
    private static async Task<BackupCounts> CountAsync(NewsPortalDbContext snapshot, CancellationToken cancellationToken) => new(
        await snapshot.Editions.CountAsync(cancellationToken),
        await snapshot.Articles.CountAsync(cancellationToken),
        await snapshot.Revisions.CountAsync(cancellationToken),
        await snapshot.Images.CountAsync(cancellationToken),
        await snapshot.Users.CountAsync(cancellationToken));

    /// <summary>What the snapshot holds: its counts, its schema and the storage keys of its pictures.</summary>
    private static async Task<(BackupCounts Counts, string? Migration, List<(string Key, int Width)> Pictures)> ReadSnapshotAsync(string snapshot, CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<SqliteNewsPortalDbContext>().UseSqlite($"Data Source={snapshot};Mode=ReadOnly;Pooling=False").Options;
        await using var copy = new SqliteNewsPortalDbContext(options);
        var counts = await CountAsync(copy, cancellationToken);
        var migration = (await copy.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault();
        var pictures = await copy.Images.Select(i => new { i.StorageKey, i.Width }).ToListAsync(cancellationToken);
        return (counts, migration, pictures.Select(p => (p.StorageKey, p.Width)).ToList());
    }

    /// <summary>
    /// The files of the pictures the snapshot shows. A picture taken down after the snapshot has left the media
    /// folder, but its files wait in the taken-down folder (<see cref="StoragePaths.TakenDownFor"/>): they are
    /// taken from there.
    /// </summary>
    private IEnumerable<(string Entry, string Source)> PictureFiles(IEnumerable<(string Key, int Width)> pictures)
    {
        foreach (var (key, width) in pictures.Distinct())
        {
            foreach (var rendition in Image.RenditionWidthsFor(width).Select(w => Image.RenditionFileName(key, w)))
            {
                var source = paths.FindPictureFile("media", rendition)
                    ?? throw new ArchiveException($"The picture file {rendition} that the database shows is missing from the media folder and the taken-down folder; the archive would be incomplete.");
                yield return (BackupManifest.MediaFolder + rendition, source);
            }

            // Pictures stored before masters were kept have none.
            if (paths.FindPictureFile("masters", key + ".jpg") is { } master)
            {
                yield return (BackupManifest.MastersFolder + key + ".jpg", master);
            }
        }
    }

    private IEnumerable<(string Entry, string Source)> KeyFiles()
    {
        var keys = Path.Combine(paths.DataDirectory, "keys");
        return Directory.Exists(keys)
            // The data-protection keys (*.xml) and the key that signs static mirrors (*.pem): a restored site signs as before.
            ? Directory.EnumerateFiles(keys).Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".pem", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).Select(f => (BackupManifest.KeysFolder + Path.GetFileName(f), f))
            : [];
    }

    /// <summary>Opens a file listed earlier; a picture taken down since then is opened in the taken-down folder.</summary>
    private FileStream OpenPicture(string entryName, string source)
    {
        try
        {
            return new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException) when (entryName.StartsWith(BackupManifest.MediaFolder, StringComparison.Ordinal) || entryName.StartsWith(BackupManifest.MastersFolder, StringComparison.Ordinal))
        {
            var folder = entryName.StartsWith(BackupManifest.MastersFolder, StringComparison.Ordinal) ? "masters" : "media";
            var moved = paths.FindPictureFile(folder, Path.GetFileName(source)) ?? throw new ArchiveException($"The picture file {Path.GetFileName(source)} was deleted while the backup ran; the archive would be incomplete.");
            return new FileStream(moved, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
    }

    private async Task<BackupFile> AddAsync(ZipArchive zip, string entryName, string source, Action<long> copied, CancellationToken cancellationToken)
    {
        // Pictures are compressed already; the database and the keys shrink well.
        var entry = zip.CreateEntry(entryName, entryName.EndsWith(".jpg", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
        await using var input = OpenPicture(entryName, source);
        await using var output = entry.Open();
        var (bytes, sha256) = await BackupManifest.HashAsync(input, output, copied, cancellationToken);
        return new BackupFile(entryName, bytes, sha256);
    }
}
