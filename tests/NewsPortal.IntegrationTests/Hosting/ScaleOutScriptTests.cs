using System.Diagnostics;
using System.Net;
using NewsPortal.Tests.Shared;

namespace NewsPortal.IntegrationTests.Hosting;

/// <summary>
/// The operator's way to several instances without Docker, run as an operator runs it: <c>src/deploy/scale-out.sh</c>
/// starts PostgreSQL, Redis, two published instances and nginx on loopback; one instance is killed while readers
/// keep asking, and nginx keeps serving them; <c>stop</c> leaves nothing running. Needs Debian's postgresql,
/// redis-server and nginx (<c>.ci/run</c> installs them); without them the test is skipped, except under
/// <c>CI=true</c>, where it fails.
/// </summary>
[Trait("Database", "Postgres")]
public sealed class ScaleOutScriptTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "newsportal-scale-out-test-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _script = Path.Combine(TestHost.RepositoryRoot(), "src", "deploy", "scale-out.sh");

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            // A failed assertion left the topology running: stop it.
            RunAsync(TimeSpan.FromMinutes(2), "stop", "--dir", _dir).GetAwaiter().GetResult();
        }
    }

    private static bool Installed(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(folder => File.Exists(Path.Combine(folder, program)))
        || (program == "initdb" && Directory.Exists("/usr/lib/postgresql") && Directory.EnumerateFiles("/usr/lib/postgresql", "initdb", SearchOption.AllDirectories).Any());

    private async Task<(int Exit, string Output)> RunAsync(TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(_script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await errors);
    }

    [SkippableFact]
    public async Task StartsTwoInstancesBehindNginxThatKeepsServingWhenOneIsKilledAndStopsEverything()
    {
        var missing = new[] { "nginx", "redis-server", "initdb", "curl" }.Where(p => !Installed(p)).ToList();
        if (missing.Count > 0 && Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail($"CI=true but {string.Join(", ", missing)} is missing: .ci/run installs postgresql, redis-server and nginx.");
        }

        Skip.If(missing.Count > 0, $"Missing {string.Join(", ", missing)} (Debian: apt-get install postgresql redis-server nginx curl).");
        var port = FreePort();

        var (exit, output) = await RunAsync(TimeSpan.FromMinutes(6), "start", "--dir", _dir, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(exit == 0, output);
        var instanceA = int.Parse(await File.ReadAllTextAsync(Path.Combine(_dir, "run", "instance-a.pid")), System.Globalization.CultureInfo.InvariantCulture);
        var postmaster = int.Parse((await File.ReadAllLinesAsync(Path.Combine(_dir, "pg", "data", "postmaster.pid")))[0], System.Globalization.CultureInfo.InvariantCulture);
        using var reader = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}") };
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/en", UriKind.Relative))).StatusCode);

        // Instance a dies without warning; readers asking nginx right after still get every page.
        Process.GetProcessById(instanceA).Kill();
        var answers = new List<HttpStatusCode>();
        foreach (var path in Enumerable.Repeat(new[] { "/en", "/fa", "/en/search?q=flood", "/ru/feed" }, 25).SelectMany(p => p))
        {
            answers.Add((await reader.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        var (_, status) = await RunAsync(TimeSpan.FromMinutes(1), "status", "--dir", _dir);
        Assert.Contains("instance a: stopped", status, StringComparison.Ordinal);
        Assert.Contains("instance b: ready", status, StringComparison.Ordinal);

        var (stopped, stopOutput) = await RunAsync(TimeSpan.FromMinutes(2), "stop", "--dir", _dir);
        Assert.True(stopped == 0, stopOutput);
        Assert.False(Directory.Exists(_dir));
        Assert.False(IsRunning(postmaster), "PostgreSQL still runs after stop");
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => reader.GetAsync(new Uri("/en", UriKind.Relative)));
    }

    /// <summary>Running: its /proc entry exists and it is no zombie (an orphan whose exit nobody has read yet has ended).</summary>
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
