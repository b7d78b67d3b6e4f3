using System.Diagnostics;
using Npgsql;

namespace NewsPortal.Web.Data.Postgres;

/// <summary>
/// PostgreSQL's own dump and restore programs (<c>pg_dump</c>, <c>pg_restore</c>, Debian's <c>postgresql-client</c>),
/// run for backups of a site on PostgreSQL. The connection goes to them through libpq's environment variables, never
/// the command line (where every user of the machine could read the password). They are looked up in
/// <c>Database:PostgresClientDirectory</c> when set, else on the PATH, else in the newest <c>/usr/lib/postgresql/*/bin</c>.
/// </summary>
public sealed class PostgresClientTools(string connectionString, string? clientDirectory)
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/>; a non-zero exit becomes an exception carrying what the program wrote to standard error.</summary>
    public async Task RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Locate(program)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = connection.Database;
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGSSLMODE"] = connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await output;
        if (process.ExitCode != 0)
        {
            throw new PostgresClientException($"{program} failed (exit code {process.ExitCode}): {(await errors).Trim()}");
        }
    }

    private string Locate(string program)
    {
        if (!string.IsNullOrWhiteSpace(clientDirectory))
        {
            var configured = Path.Combine(clientDirectory, program);
            return File.Exists(configured)
                ? configured
                : throw new PostgresClientException($"{program} is not in Database:PostgresClientDirectory ({clientDirectory}).");
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql")
                .Select(version => (Version: int.TryParse(Path.GetFileName(version), out var number) ? number : 0, Path: Path.Combine(version, "bin", program)))
                .Where(candidate => File.Exists(candidate.Path)).OrderByDescending(candidate => candidate.Version).Select(candidate => candidate.Path).FirstOrDefault()
            : null;
        return installed ?? throw new PostgresClientException(
            $"{program} was not found: install PostgreSQL's client programs (Debian: apt-get install postgresql-client, of the server's major version or newer) or set Database:PostgresClientDirectory.");
    }
}

/// <summary>A PostgreSQL client program is missing or failed; its message says which and why.</summary>
public sealed class PostgresClientException(string message) : Exception(message);
