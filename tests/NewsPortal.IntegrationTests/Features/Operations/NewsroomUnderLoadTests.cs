using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Tests.Shared;
using NewsPortal.Web.Domain;
using Xunit.Abstractions;

namespace NewsPortal.IntegrationTests.Features.Operations;

/// <summary>
/// The site as its own process under a newsroom's load: 8 editors signing in, writing, uploading and publishing
/// while 32 readers read. Nothing acknowledged may be lost, not when the load runs its course, not in a backup taken
/// in the middle of it, and not when the process is killed outright (SIGKILL) at random moments and started again.
/// Sized for the suite; <c>tests/bench/soak.sh</c> runs the same tests longer through the variables below.
/// </summary>
[Trait("Database", "Sqlite")]
[Collection(DurabilityCollection.Name)]
public class NewsroomUnderLoadTests(ITestOutputHelper output)
{
    private const int Editors = 8;
    private const int Readers = 32;
    private const string Password = "a long soak-test password that is not a secret";

    /// <summary>Seconds of load in the soak (NEWSPORTAL_SOAK_SECONDS, default 20).</summary>
    private static int SoakSeconds => Setting("NEWSPORTAL_SOAK_SECONDS", 20);

    /// <summary>How many times the crash test kills the site (NEWSPORTAL_CRASHES, default 4).</summary>
    private static int Crashes => Setting("NEWSPORTAL_CRASHES", 4);

    [Fact]
    public async Task TheSoakLosesNoSaveAndABackupTakenDuringItRestoresEverythingAcknowledgedBeforeIt()
    {
        var (data, emails) = await PrepareAsync();
        var restored = TestHost.NewDataDirectory();
        var archive = Path.Combine(TestHost.NewDataDirectory(), "during-soak.zip");
        try
        {
            var ledger = new SaveLedger();
            var report = new LoadReport();
            var logs = new ConcurrentQueue<string>();
            await using (var site = await SiteProcess.StartAsync(data, logs))
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(SoakSeconds));
                var clock = Stopwatch.StartNew();
                var load = new NewsroomLoad(site.Address, emails, Password, Readers, ledger, report).RunAsync(stop.Token);

                await Task.Delay(TimeSpan.FromSeconds(SoakSeconds / 2.0));
                var backupStartedAt = DateTime.UtcNow;
                var backupClock = Stopwatch.StartNew();
                var backup = await OperatorProcess.RunAsync(data, false, "backup", archive);
                var backupTook = backupClock.Elapsed;
                await load;
                var loadTook = clock.Elapsed;
                await site.StopAsync();

                output.WriteLine($"{Editors} editors and {Readers} readers for {loadTook.TotalSeconds:F0} s: {report.Requests} requests, {ledger.Acknowledged} acknowledged saves, {ledger.Published} stories published, {report.Uploads} pictures uploaded.");
                output.WriteLine(report.Summary());
                output.WriteLine($"backup during the load: {backupTook.TotalSeconds:F1} s, exit {backup.Exit}: {backup.Output.Trim()} {backup.Errors.Trim()}");

                Assert.True(backup.Exit == 0, backup.Errors);
                Assert.Empty(report.ServerErrors);
                Assert.Empty(report.Problems);
                Assert.DoesNotContain(logs, IsStorageTrouble);
                Assert.True(ledger.Published >= Editors, $"only {ledger.Published} stories were published");
                Assert.Empty(await StoredArchive.ProblemsAsync(data, ledger.Expected()));

                var restoreClock = Stopwatch.StartNew();
                var restore = await OperatorProcess.RunAsync(restored, false, "restore", archive);
                output.WriteLine($"restore: {restoreClock.Elapsed.TotalSeconds:F1} s, exit {restore.Exit}: {restore.Output.Trim()}");
                Assert.True(restore.Exit == 0, restore.Errors);
                var expectedInBackup = ledger.Expected(backupStartedAt);
                Assert.NotEmpty(expectedInBackup);
                Assert.Empty(await StoredArchive.ProblemsAsync(restored, expectedInBackup));
            }
        }
        finally
        {
            TestHost.DeleteDataDirectory(data);
            TestHost.DeleteDataDirectory(restored);
            TestHost.DeleteDataDirectory(Path.GetDirectoryName(archive)!);
        }
    }

    [Fact]
    public async Task KillingTheSiteDuringSavesLosesNothingAcknowledged()
    {
        var (data, emails) = await PrepareAsync();
        try
        {
            var ledger = new SaveLedger();
            var report = new LoadReport();
            var random = new Random();
            for (var crash = 1; crash <= Crashes; crash++)
            {
                var logs = new ConcurrentQueue<string>();
                var site = await SiteProcess.StartAsync(data, logs);
                using var stop = new CancellationTokenSource();
                var before = ledger.Acknowledged;
                var load = new NewsroomLoad(site.Address, emails, Password, Readers / 4, ledger, report).RunAsync(stop.Token, siteMayVanish: true);
                // Killed while the editors are saving: once this run's first saves are in, at a random moment after.
                var clock = Stopwatch.StartNew();
                while (ledger.Acknowledged < before + 2 && clock.Elapsed < TimeSpan.FromSeconds(60))
                {
                    await Task.Delay(50);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(100, 2500)));
                var after = clock.Elapsed;
                await site.KillAsync();
                await stop.CancelAsync();
                await load;
                await site.DisposeAsync();

                var problems = await StoredArchive.ProblemsAsync(data, ledger.Expected());
                output.WriteLine($"kill -9 no. {crash} after {after.TotalSeconds:F1} s of load: {ledger.Acknowledged - before} saves acknowledged in this run; archive problems: {problems.Count}");
                Assert.True(problems.Count == 0, string.Join('\n', problems));
                Assert.DoesNotContain(logs, IsStorageTrouble);
            }

            output.WriteLine(report.Summary());
            Assert.Empty(report.ServerErrors);
            Assert.True(ledger.Acknowledged > Crashes, $"only {ledger.Acknowledged} saves were acknowledged in {Crashes} runs");

            // The site starts again on what the last kill left, and serves it.
            await using var again = await SiteProcess.StartAsync(data);
            using var reader = new HttpClient { BaseAddress = again.Address };
            Assert.Equal(System.Net.HttpStatusCode.OK, (await reader.GetAsync(new Uri("/en", UriKind.Relative))).StatusCode);
        }
        finally
        {
            TestHost.DeleteDataDirectory(data);
        }
    }

    /// <summary>A data directory with the demo content and eight editors, made by the site itself, then let go.</summary>
    private static async Task<(string Data, IReadOnlyList<string> Emails)> PrepareAsync()
    {
        var data = TestHost.NewDataDirectory();
        var site = new PreparedSite(data);
        await site.InitializeAsync();
        var emails = new List<string>();
        for (var i = 0; i < Editors; i++)
        {
            emails.Add(await EditorSession.CreateUserAsync(site, NewsroomRoles.Editor, Password));
        }

        await site.DisposeAsync();
        SqliteConnection.ClearAllPools();
        return (data, emails);
    }

    /// <summary>A line of the site's log that speaks of a busy or failing database, or of an error.</summary>
    private static bool IsStorageTrouble(string line) =>
        line.Contains("database is locked", StringComparison.OrdinalIgnoreCase)
        || line.Contains("SQLITE_BUSY", StringComparison.OrdinalIgnoreCase)
        || line.Contains(" ERR]", StringComparison.Ordinal)
        || line.Contains(" FTL]", StringComparison.Ordinal);

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private sealed class PreparedSite(string data) : NewsPortalFactory(data);
}

/// <summary>The load tests run alone: they measure the site, and two of them at once would measure each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DurabilityCollection
{
    public const string Name = DurabilityCollectionName.Value;
}
