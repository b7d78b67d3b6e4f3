using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The built site running as its own process on a loopback port, as an operator runs it: it can be stopped
/// gracefully or killed outright (SIGKILL, as <c>kill -9</c>) and started again on the same data directory.
/// Everything it prints is kept, to look for errors afterwards.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private SiteProcess(Process process, Uri address, ConcurrentQueue<string> output)
    {
        _process = process;
        Address = address;
        _output = output;
    }

    public Uri Address { get; }

    /// <summary>Every line the process wrote to standard output and standard error so far.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>
    /// Starts the site on <paramref name="dataDirectory"/> (with <paramref name="settings"/> as environment variables,
    /// <c>Section__Key</c>) and waits until it answers <c>/health/ready</c>.
    /// </summary>
    public static async Task<SiteProcess> StartAsync(string dataDirectory, ConcurrentQueue<string>? output = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NewsPortal.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["FileLog__Enabled"] = "false";
        start.Environment["Database__SeedDemoContent"] = "false";
        start.Environment["Site__BaseUrl"] = address.ToString().TrimEnd('/');
        // Every client of a load test comes from 127.0.0.1: the per-address limits would measure themselves.
        start.Environment["Site__SignInAttemptsPerMinute"] = "10000";
        start.Environment["Site__SearchesPerMinute"] = "10000";
        start.Environment.Remove("NEWSPORTAL_ADMIN_PASSWORD");
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        output ??= new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var site = new SiteProcess(process, address, output);

        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The site exited with {process.ExitCode} while starting:\n" + string.Join('\n', output));
            }

            try
            {
                if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return site;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(100);
        }

        await site.DisposeAsync();
        throw new TimeoutException("The site did not become ready within 90 s:\n" + string.Join('\n', output));
    }

    /// <summary>Ends the process at once with SIGKILL: no shutdown code runs, as in a power cut of the process.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the process to stop (SIGTERM, as a service manager does) and waits for it.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The collection of tests that start the site as processes of its own: they run one at a time.</summary>
public static class DurabilityCollectionName
{
    public const string Value = "Durability under load";
}
