using System.IO.Compression;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Areas.Editor;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Tests.Shared;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Operations;
using NewsPortal.Web.Settings;

namespace NewsPortal.IntegrationTests.Features.Operations;

/// <summary>A backup taken while editors write comes back whole into an empty data directory, and a damaged one never does.</summary>
[Collection(EditorAreaCollection.Name)]
public sealed class BackupTests(EditorAreaFactory factory) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsportal-backups", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task<(string File, BackupManifest Manifest)> BackupAsync(IProgress<ArchiveProgress>? progress = null)
    {
        var file = Path.Combine(_folder, "site.zip");
        await using var scope = factory.Services.CreateAsyncScope();
        var manifest = await scope.ServiceProvider.GetRequiredService<CreateBackup>().ExecuteAsync(file, progress, CancellationToken.None);
        return (file, manifest);
    }

    /// <summary>
    /// The restore use case over a new, empty data directory, as the <c>restore</c> command runs it before the site
    /// starts: on the tests' provider, or on the other one when <paramref name="otherProvider"/>. On PostgreSQL the
    /// database is the one that belongs to <paramref name="databaseOf"/> (by default the new directory's, created empty).
    /// </summary>
    private static async Task<BackupManifest> RestoreAsync(string archive, string dataDirectory, string? databaseOf = null, bool otherProvider = false)
    {
        var paths = new StoragePaths(Path.GetTempPath(), new StorageOptions { DataDirectory = dataDirectory });
        var options = Options.Create(new DatabaseOptions());
        if (TestHost.OnPostgres != otherProvider)
        {
            TestHost.DatabaseSettings(databaseOf ?? dataDirectory, postgres: true);
            var postgres = new DbContextOptionsBuilder<PostgresNewsPortalDbContext>().UseNpgsql(TestHost.PostgresConnectionFor(databaseOf ?? dataDirectory)).Options;
            await using var pg = new PostgresNewsPortalDbContext(postgres);
            return await new RestoreBackup(pg, paths, options).ExecuteAsync(archive, null, CancellationToken.None);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteNewsPortalDbContext>().UseSqlite($"Data Source={Path.Combine(dataDirectory, "newsportal.db")}").Options;
        await using var db = new SqliteNewsPortalDbContext(sqlite);
        return await new RestoreBackup(db, paths, options).ExecuteAsync(archive, null, CancellationToken.None);
    }

    /// <summary>The tables in the PostgreSQL database of <paramref name="dataDirectory"/> (none for SQLite, whose database is a file).</summary>
    private static async Task<int> PostgresTablesAsync(string dataDirectory)
    {
        if (!TestHost.OnPostgres)
        {
            return 0;
        }

        await using var connection = new Npgsql.NpgsqlConnection(TestHost.PostgresConnectionFor(dataDirectory));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*)::int FROM information_schema.tables WHERE table_schema = 'public'";
        return (int)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task ABackupTakenWhileEditorsSaveRestoresEveryArticlePictureAndSession()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        using var stop = new CancellationTokenSource();
        var saved = 0;
        var writing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var fields = ArticleWorkflowTests.Fields($"Tide tables for the week {Guid.NewGuid():N}", "Save");
                Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields)).StatusCode);
                saved++;
            }
        });
        await Task.Delay(300);

        var reports = new List<ArchiveProgress>();
        var (file, manifest) = await BackupAsync(new Progress<ArchiveProgress>(reports.Add));
        await stop.CancelAsync();
        await writing;

        Assert.True(saved > 0);
        Assert.True(manifest.Counts.Articles > 0 && manifest.Counts.Pictures > 0);
        // The keys: files on SQLite; on PostgreSQL a table, inside the dump.
        Assert.Contains(manifest.Files, f => TestHost.OnPostgres ? f.Path == BackupManifest.PostgresDatabaseEntry : f.Path.StartsWith(BackupManifest.KeysFolder, StringComparison.Ordinal));

        var restored = TestHost.NewDataDirectory();
        var back = await RestoreAsync(file, restored);
        Assert.Equal(manifest.Files.Count, back.Files.Count);

        var site = new RestoredSite(restored);
        await using var cleanup = new AsyncCleanup(site);
        await ((Xunit.IAsyncLifetime)site).InitializeAsync();
        var counts = await site.QueryAsync(async db => (Articles: await db.Articles.CountAsync(), Pictures: await db.Images.ToListAsync()));
        Assert.Equal(manifest.Counts.Articles, counts.Articles);
        // The signed-in editor's cookie still opens the editor area of the restored site, and shows every picture
        // (drafts' pictures included, which only the newsroom sees).
        var client = EditorSession.NewClient(site);
        Task<HttpResponseMessage> AsEditorAsync(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", editor.SessionCookie);
            return client.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.OK, (await AsEditorAsync("/editor")).StatusCode);
        foreach (var picture in counts.Pictures)
        {
            var response = await AsEditorAsync($"/media/{Image.RenditionFileName(picture.StorageKey, picture.AvailableWidths[0])}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task ATruncatedArchiveIsRefusedAndLeavesTheDirectoryEmpty()
    {
        var (file, _) = await BackupAsync();
        var bytes = await File.ReadAllBytesAsync(file);
        var partial = Path.Combine(_folder, "partial.zip");
        await File.WriteAllBytesAsync(partial, bytes[..(bytes.Length * 2 / 3)]);
        var restored = TestHost.NewDataDirectory();

        var refusal = await Assert.ThrowsAsync<ArchiveException>(() => RestoreAsync(partial, restored));

        Assert.Contains("damaged or incomplete", refusal.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(restored, "newsportal.db")));
        Assert.Empty(Directory.EnumerateFiles(restored, "*", SearchOption.AllDirectories));
        Assert.Equal(0, await PostgresTablesAsync(restored));
    }

    [Fact]
    public async Task AnArchiveWithAChangedFileIsRefusedBeforeAnythingIsWritten()
    {
        var (file, manifest) = await BackupAsync();
        var picture = manifest.Files.First(f => f.Path.StartsWith(BackupManifest.MediaFolder, StringComparison.Ordinal)).Path;
        using (var zip = ZipFile.Open(file, ZipArchiveMode.Update))
        {
            zip.GetEntry(picture)!.Delete();
            await using var replaced = zip.CreateEntry(picture).Open();
            await replaced.WriteAsync("not the picture"u8.ToArray());
        }

        var restored = TestHost.NewDataDirectory();
        var refusal = await Assert.ThrowsAsync<ArchiveException>(() => RestoreAsync(file, restored));

        Assert.Contains(picture, refusal.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(restored, "*", SearchOption.AllDirectories));
        Assert.Equal(0, await PostgresTablesAsync(restored));
    }

    [Fact]
    public async Task ARestoreNeverOverwritesADatabaseThatHoldsASiteEvenWithoutItsPictures()
    {
        var (file, _) = await BackupAsync();
        var restored = TestHost.NewDataDirectory();
        Directory.CreateDirectory(restored);
        if (!TestHost.OnPostgres)
        {
            // A copy of the site's database file alone in a new data directory.
            var copy = Path.Combine(restored, "newsportal.db");
            await factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", copy));
        }

        // On PostgreSQL: a new, empty data directory over the site's own database.
        var refusal = await Assert.ThrowsAsync<ArchiveException>(() => RestoreAsync(file, restored, databaseOf: factory.DataDirectory));

        Assert.Contains("not empty", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(TestHost.OnPostgres ? 0 : 1, Directory.EnumerateFiles(restored, "*", SearchOption.AllDirectories).Count());
    }

    [SkippableFact]
    public async Task AnArchiveOfTheOtherDatabaseEngineIsRefusedWithTheWayToMoveANewsroom()
    {
        Skip.If(TestHost.PostgresServer is null && Environment.GetEnvironmentVariable("CI") != "true", "No PostgreSQL server (NEWSPORTAL_TEST_POSTGRES).");
        var (file, _) = await BackupAsync();
        var restored = TestHost.NewDataDirectory();
        try
        {
            var refusal = await Assert.ThrowsAsync<ArchiveException>(() => RestoreAsync(file, restored, otherProvider: true));

            Assert.Contains("export and import", refusal.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFiles(restored, "*", SearchOption.AllDirectories));
        }
        finally
        {
            TestHost.DeleteDataDirectory(restored);
        }
    }

    [Fact]
    public async Task ARestoreNeverOverwritesASite()
    {
        var (file, _) = await BackupAsync();

        var refusal = await Assert.ThrowsAsync<ArchiveException>(() => RestoreAsync(file, factory.DataDirectory));

        Assert.Contains("not empty", refusal.Message, StringComparison.Ordinal);
    }

    /// <summary>The site started on the data directory an archive was restored into.</summary>
    private sealed class RestoredSite(string dataDirectory) : NewsPortalFactory(dataDirectory);

    /// <summary>Stops the restored site and deletes its data directory.</summary>
    private sealed class AsyncCleanup(NewsPortalFactory site) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await ((Xunit.IAsyncLifetime)site).DisposeAsync();
    }
}
