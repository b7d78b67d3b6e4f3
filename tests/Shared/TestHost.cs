using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace NewsPortal.Tests.Shared;

/// <summary>
/// How every test host runs the real application: the root appsettings.json as shipped, with only
/// the data directory moved to a fresh temporary folder (so each run seeds its own SQLite file),
/// the log file off, search limits lifted, and warnings captured.
/// </summary>
public static class TestHost
{
    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "newsportal-tests", Guid.NewGuid().ToString("N"));

    public static void Configure(IWebHostBuilder builder, string dataDirectory, CapturedLogs logs)
    {
        builder.UseEnvironment("Testing");
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

    /// <summary>Deletes the data directory once SQLite has let go of the files.</summary>
    public static void DeleteDataDirectory(string dataDirectory)
    {
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
