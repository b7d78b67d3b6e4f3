using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Data.Postgres;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Operations;

/// <summary>
/// Brings a backup archive back into an empty data directory (and, on PostgreSQL, an empty database). The whole
/// archive is checked against its manifest (every entry present, of its size and checksum, nothing else in it) before
/// anything is written; the database is then checked by SQLite itself (<c>integrity_check</c>, <c>foreign_key_check</c>)
/// or restored by <c>pg_restore</c> in one transaction (constraints checked as they are created). A damaged, partial
/// or foreign archive is refused and leaves the directory and the database as they were. An archive of one database
/// engine does not restore into the other: export and import move a newsroom between them. The site migrates an
/// older schema at its next start.
/// </summary>
public sealed class RestoreBackup(NewsPortalDbContext db, StoragePaths paths, Microsoft.Extensions.Options.IOptions<DatabaseOptions> options)
{
    public async Task<BackupManifest> ExecuteAsync(string file, IProgress<ArchiveProgress>? progress, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            throw new ArchiveException($"There is no archive at {source}.");
        }

        var postgres = db.Database.IsNpgsql();
        var database = postgres
            ? Path.Combine(paths.DataDirectory, $"restore-{Guid.NewGuid():N}.pgdump")
            : db.Database.GetDbConnection() is SqliteConnection connection ? Path.GetFullPath(connection.DataSource, paths.DataDirectory) : throw new ArchiveException("The database is neither SQLite nor PostgreSQL.");
        var keys = Path.Combine(paths.DataDirectory, "keys");
        if ((!postgres && File.Exists(database)) || HasFiles(paths.MediaDirectory) || HasFiles(paths.MastersDirectory) || HasFiles(keys))
        {
            throw new ArchiveException($"The data directory {paths.DataDirectory} is not empty; restore into a new, empty one (Storage:DataDirectory).");
        }

        if (postgres && await HasTablesAsync(cancellationToken))
        {
            throw new ArchiveException($"The PostgreSQL database {db.Database.GetDbConnection().Database} is not empty; restore into a new, empty one (ConnectionStrings:NewsPortal).");
        }

        try
        {
            using var zip = ZipFile.OpenRead(source);
            var manifest = await CheckAsync(zip, progress, cancellationToken);
            var databaseEntry = postgres ? BackupManifest.PostgresDatabaseEntry : BackupManifest.DatabaseEntry;
            if (!manifest.Files.Any(f => f.Path == databaseEntry))
            {
                throw new ArchiveException(postgres
                    ? "The archive holds a SQLite database, and this site runs on PostgreSQL: restore it on a site with Database:Provider=Sqlite, or move the newsroom with export and import."
                    : "The archive holds a PostgreSQL database, and this site runs on SQLite: restore it on a site with Database:Provider=Postgres, or move the newsroom with export and import.");
            }

            var written = new List<string>();
            var total = manifest.Files.Sum(f => f.Bytes);
            long done = 0;
            progress?.Report(new ArchiveProgress(0, total, "", "Writing the files into the data directory"));
            try
            {
                foreach (var listed in manifest.Files)
                {
                    var destination = listed.Path == databaseEntry ? database
                        : listed.Path.StartsWith(BackupManifest.MediaFolder, StringComparison.Ordinal) ? Path.Combine(paths.MediaDirectory, Path.GetFileName(listed.Path))
                        : listed.Path.StartsWith(BackupManifest.MastersFolder, StringComparison.Ordinal) ? Path.Combine(paths.MastersDirectory, Path.GetFileName(listed.Path))
                        : Path.Combine(keys, Path.GetFileName(listed.Path));
                    Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                    written.Add(destination);
                    zip.GetEntry(listed.Path)!.ExtractToFile(destination, overwrite: false);
                    if (destination.EndsWith(".pem", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
                    {
                        // A private key: readable by the site's account only, as when it was made.
                        File.SetUnixFileMode(destination, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                    }
                    done += listed.Bytes;
                    progress?.Report(new ArchiveProgress(done, total, listed.Path));
                }

                if (postgres)
                {
                    progress?.Report(new ArchiveProgress(0, 0, databaseEntry, "Restoring the database (pg_restore, one transaction)"));
                    await RestorePostgresAsync(database, cancellationToken);
                    File.Delete(database);
                }
                else
                {
                    progress?.Report(new ArchiveProgress(0, 0, databaseEntry, "Checking the database (SQLite integrity_check and foreign_key_check)"));
                    CheckDatabase(database);
                }

                return manifest;
            }
            catch
            {
                SqliteConnection.ClearAllPools();
                foreach (var path in written)
                {
                    File.Delete(path);
                }

                throw;
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ArchiveException($"{source} is damaged or incomplete: it cannot be read as an archive ({ex.Message}).", ex);
        }
    }

    /// <summary>Reads every entry once, comparing it with the manifest; returns the manifest when the archive is whole.</summary>
    private static async Task<BackupManifest> CheckAsync(ZipArchive zip, IProgress<ArchiveProgress>? progress, CancellationToken cancellationToken)
    {
        var manifestEntry = zip.GetEntry(BackupManifest.EntryName) ?? throw new ArchiveException("The archive has no manifest: it is not a NewsPortal backup, or it is incomplete.");
        BackupManifest? manifest;
        await using (var stream = manifestEntry.Open())
        {
            try
            {
                manifest = BackupManifest.FromJson(stream);
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new ArchiveException("The archive's manifest is damaged.", ex);
            }
        }

        if (manifest is null || manifest.Format != BackupManifest.FormatName || manifest.Version > BackupManifest.CurrentVersion)
        {
            throw new ArchiveException("The archive is not a NewsPortal backup this version can read.");
        }

        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        if (listed.Count != manifest.Files.Count || listed.Contains(BackupManifest.DatabaseEntry) == listed.Contains(BackupManifest.PostgresDatabaseEntry) || listed.Any(p => !BackupManifest.IsAllowedEntry(p)))
        {
            throw new ArchiveException("The archive's manifest lists files a backup does not hold; it was not written by NewsPortal.");
        }

        if (zip.Entries.Select(e => e.FullName).FirstOrDefault(n => n != BackupManifest.EntryName && !listed.Contains(n)) is { } extra)
        {
            throw new ArchiveException($"The archive holds {extra}, which its manifest does not list.");
        }

        var total = manifest.Files.Sum(f => f.Bytes);
        long done = 0;
        progress?.Report(new ArchiveProgress(0, total, "", "Checking the archive against its manifest (sizes and SHA-256)"));
        foreach (var file in manifest.Files)
        {
            var entry = zip.GetEntry(file.Path) ?? throw new ArchiveException($"The archive is incomplete: {file.Path} is missing.");
            await using var stream = entry.Open();
            var (bytes, sha256) = await BackupManifest.HashAsync(stream, null, read => progress?.Report(new ArchiveProgress(done + read, total, file.Path)), cancellationToken);
            if (bytes != file.Bytes || sha256 != file.Sha256)
            {
                throw new ArchiveException($"The archive is damaged: {file.Path} does not match its checksum.");
            }

            done += bytes;
        }

        return manifest;
    }

    private async Task<bool> HasTablesAsync(CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<int>($"SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema()").SingleAsync(cancellationToken) > 0;

    /// <summary>
    /// <c>pg_restore</c> in one transaction, stopping at the first error: the database ends up as the dump was, or as
    /// empty as before. Objects belong to the restoring user (the site's), whoever owned them where the dump was taken.
    /// </summary>
    private async Task RestorePostgresAsync(string dump, CancellationToken cancellationToken)
    {
        var tools = new PostgresClientTools(db.Database.GetConnectionString()!, options.Value.PostgresClientDirectory);
        try
        {
            await tools.RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", $"--dbname={db.Database.GetDbConnection().Database}", dump], cancellationToken);
        }
        catch (PostgresClientException ex)
        {
            throw new ArchiveException("The database in the archive could not be restored: " + ex.Message, ex);
        }
    }

    private static void CheckDatabase(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var integrity = connection.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        if (integrity.ExecuteScalar() as string != "ok")
        {
            throw new ArchiveException("The database in the archive fails SQLite's integrity check.");
        }

        using var keys = connection.CreateCommand();
        keys.CommandText = "PRAGMA foreign_key_check";
        using var reader = keys.ExecuteReader();
        if (reader.Read())
        {
            throw new ArchiveException($"The database in the archive has rows pointing at missing rows (table {reader.GetString(0)}).");
        }
    }

    private static bool HasFiles(string directory) => Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any();
}
