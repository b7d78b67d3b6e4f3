using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace NewsPortal.Tests.Shared;

/// <summary>
/// How every test host runs the real application: the root appsettings.json as shipped, with only
/// the data directory moved to a fresh temporary folder (so each run seeds its own SQLite file),
/// the log file off, search limits lifted, and warnings captured.
/// With <c>NEWSPORTAL_TEST_PROVIDER=Postgres</c> the same hosts run on PostgreSQL instead: each data directory gets
/// a database of its own, named after it, on the server at <c>NEWSPORTAL_TEST_POSTGRES</c> (an Npgsql connection
/// string without a database, for a user allowed to create databases; <c>.ci/run</c> starts one).
/// </summary>
public static class TestHost
{
    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "newsportal-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The PostgreSQL server for tests, or null when none is configured.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable("NEWSPORTAL_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    /// <summary>True when the test hosts run on PostgreSQL (<c>NEWSPORTAL_TEST_PROVIDER=Postgres</c>).</summary>
    public static bool OnPostgres { get; } = string.Equals(Environment.GetEnvironmentVariable("NEWSPORTAL_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string of the PostgreSQL database that belongs to <paramref name="dataDirectory"/>.</summary>
    public static string PostgresConnectionFor(string dataDirectory) =>
        new NpgsqlConnectionStringBuilder(PostgresServer ?? throw new InvalidOperationException("NEWSPORTAL_TEST_POSTGRES is not set: the PostgreSQL tests need a server (bash .ci/run starts one)."))
        {
            Database = "newsportal_" + Path.GetFileName(Path.TrimEndingDirectorySeparator(dataDirectory)),
        }.ConnectionString;

    /// <summary>
    /// The settings that put a host (in process or not) on the tests' database: nothing for SQLite; for PostgreSQL the
    /// provider and the connection to the directory's database, created empty here if it does not exist yet (as an
    /// operator creates it before the first start).
    /// </summary>
    public static IReadOnlyDictionary<string, string> DatabaseSettings(string dataDirectory, bool postgres = false)
    {
        if (!OnPostgres && !postgres)
        {
            return new Dictionary<string, string>();
        }

        CreatePostgresDatabase(dataDirectory);
        return new Dictionary<string, string> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:NewsPortal"] = PostgresConnectionFor(dataDirectory) };
    }

    private static void CreatePostgresDatabase(string dataDirectory)
    {
        var database = new NpgsqlConnectionStringBuilder(PostgresConnectionFor(dataDirectory)).Database!;
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{database}\"";
        try
        {
            command.ExecuteNonQuery();
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // A second host on the same data directory: the database is already there (or being created by the first).
        }
    }

    public static void Configure(IWebHostBuilder builder, string dataDirectory, CapturedLogs logs, bool postgres = false)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in DatabaseSettings(dataDirectory, postgres))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["FileLog:Enabled"] = "false",
            // The test client's address; absolute URLs in pages and feeds are built on it.
            ["Site:BaseUrl"] = "http://localhost",
            // Static assets from the build output with the cache headers a published build sends.
            ["EnableStaticAssetsDevelopmentCaching"] = "true",
            ["Site:SearchesPerMinute"] = "10000",
            ["Site:SignInAttemptsPerMinute"] = "10000",
            // Tests run the scheduler themselves; the background loop only makes its startup pass.
            ["Site:SchedulerIntervalSeconds"] = "3600",
        }));
        builder.ConfigureLogging(logging => logging.AddProvider(logs));
    }

    /// <summary>Deletes the data directory once SQLite has let go of the files (and, on PostgreSQL, the directory's database).</summary>
    public static void DeleteDataDirectory(string dataDirectory)
    {
        if (PostgresServer is not null)
        {
            DropPostgresDatabase(dataDirectory);
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temporary folder is cleaned by the OS eventually.
        }
    }

    private static void DropPostgresDatabase(string dataDirectory)
    {
        var database = new NpgsqlConnectionStringBuilder(PostgresConnectionFor(dataDirectory)).Database!;
        NpgsqlConnection.ClearAllPools();
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The throw-away server goes away with the run.
        }
    }

    /// <summary>The repository root (where NewsPortal.sln is), for artifacts such as screenshots.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("NewsPortal.sln was not found above " + AppContext.BaseDirectory);
    }
}
