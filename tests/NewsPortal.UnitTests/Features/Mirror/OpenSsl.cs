using System.Diagnostics;

namespace NewsPortal.UnitTests.Features.Mirror;

/// <summary>Runs the <c>openssl</c> binary on the PATH (Debian's, on CI), as someone checking a mirror by hand would.</summary>
internal static class OpenSsl
{
    public static (int Exit, string Output, string Errors) Run(string? workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start; it is needed on the PATH (apt-get install openssl).");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill();
            throw new TimeoutException("openssl " + string.Join(' ', args) + " did not finish.");
        }

        return (process.ExitCode, output.Result, errors);
    }
}
