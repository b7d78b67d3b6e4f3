using System.Diagnostics;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>Runs the built site as an operator runs a command: a separate process on its own data directory.</summary>
public static class OperatorProcess
{
    public static async Task<(int Exit, string Output, string Errors)> RunAsync(string dataDirectory, bool seed, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NewsPortal.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["FileLog__Enabled"] = "false";
        start.Environment["Database__SeedDemoContent"] = seed ? "true" : "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment.Remove("NEWSPORTAL_ADMIN_PASSWORD");
        // A server started by mistake would listen here and never exit: the timeout below would fail the test.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
