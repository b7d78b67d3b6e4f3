using System.Globalization;
using NewsPortal.Web.Features.Mirror;
using NewsPortal.Web.Features.Operations;

namespace NewsPortal.Web.Hosting;

/// <summary>
/// Operator commands run by the same binary instead of the web server
/// (<c>dotnet run --project src/NewsPortal.Web -- &lt;command&gt; …</c>). A first argument that is not an option
/// (<c>--urls</c>…) names a command: an unknown one, or wrong arguments, print the usage and exit with 2, and the
/// server never starts. <c>restore</c> and <c>import</c> run before the database is set up, into an empty data directory;
/// <c>migrate</c> takes no argument; <c>verify-mirror</c> takes a second, optional one and never touches the database.
/// </summary>
internal static class CommandLineCommands
{
    public const string PasswordVariable = "NEWSPORTAL_ADMIN_PASSWORD";

    /// <summary>How many paths of each kind of failure <c>verify-mirror</c> prints; the counts are always whole.</summary>
    private const int FailuresShown = 20;

    /// <summary>Every command with its argument and what it does, as the usage text lists them.</summary>
    private static readonly (string Name, string Argument, string Does)[] Commands =
    [
        ("migrate", "", "applies the schema migrations, the roles and (into an empty database) the demo content, then exits; run it once before starting instances with Database:Migrate=false"),
        ("create-admin", "<email>", "password from NEWSPORTAL_ADMIN_PASSWORD, or generated"),
        ("backup", "<file.zip>", "one archive of the database (a consistent snapshot), pictures and keys, taken while the site runs"),
        ("restore", "<file.zip>", "brings an archive back into an empty data directory (Storage:DataDirectory)"),
        ("export", "<folder>", "every article as Markdown with front matter, with its pictures, into an empty folder"),
        ("import", "<folder>", "reads an exported folder into an empty database"),
        ("mirror", "<folder or file.zip> [edition,…]", "writes the signed static copy of every edition (or of those named) into a folder, updating an earlier copy there, or into a zip file to pass on"),
        ("verify-mirror", "<folder> [public-key.pem]", "checks a static mirror: its manifest's signature (by the main site's public key, or this data directory's key), every file's checksum, nothing added"),
    ];

    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (Commands.All(c => c.Name != args[0]))
        {
            await Console.Error.WriteLineAsync($"Unknown command “{args[0]}”.");
            return await UsageAsync();
        }

        if (args[0] == "migrate")
        {
            return args.Length == 1 ? await MigrateAsync(app) : await UsageAsync(args[0]);
        }

        if (args[0] == "mirror")
        {
            return args.Length is 2 or 3 && !args[1].StartsWith('-') && (args.Length == 2 || !args[2].StartsWith('-'))
                ? await MirrorAsync(app, args[1].Trim(), args.ElementAtOrDefault(2))
                : await UsageAsync(args[0]);
        }

        if (args[0] == "verify-mirror")
        {
            return args.Length is 2 or 3 && args.Skip(1).All(a => !a.StartsWith('-') && a.Trim().Length > 0)
                ? await VerifyMirrorAsync(app, args[1].Trim(), args.Length == 3 ? args[2].Trim() : null)
                : await UsageAsync(args[0]);
        }

        if (args.Length != 2 || args[1].StartsWith('-'))
        {
            return await UsageAsync(args[0]);
        }

        var argument = args[1].Trim();
        try
        {
            switch (args[0])
            {
                case "create-admin":
                    return await CreateAdminAsync(app, argument);
                case "backup":
                    await app.InitializeDatabaseAsync();
                    await using (var scope = app.Services.CreateAsyncScope())
                    {
                        var manifest = await scope.ServiceProvider.GetRequiredService<CreateBackup>().ExecuteAsync(argument, Progress("bytes"), CancellationToken.None);
                        Console.WriteLine($"Backed up {manifest.Counts.Articles} articles, {manifest.Counts.Pictures} pictures and {manifest.Counts.Accounts} accounts to {Path.GetFullPath(argument)} ({manifest.Files.Count + 1} files, checksums in manifest.json).");
                    }

                    return 0;
                case "restore":
                    await using (var scope = app.Services.CreateAsyncScope())
                    {
                        var manifest = await scope.ServiceProvider.GetRequiredService<RestoreBackup>().ExecuteAsync(argument, Progress("bytes"), CancellationToken.None);
                        Console.WriteLine($"Restored {manifest.Counts.Articles} articles, {manifest.Counts.Pictures} pictures and {manifest.Counts.Accounts} accounts from the backup of {manifest.CreatedAt:u}; database checked. Start the site to serve them.");
                    }

                    return 0;
                case "export":
                    await app.InitializeDatabaseAsync();
                    await using (var scope = app.Services.CreateAsyncScope())
                    {
                        var count = await scope.ServiceProvider.GetRequiredService<ExportArchive>().ExecuteAsync(argument, Progress("articles"), CancellationToken.None);
                        Console.WriteLine($"Exported {count} articles to {Path.GetFullPath(argument)}.");
                    }

                    return 0;
                case "import":
                    await app.InitializeDatabaseAsync(seed: false);
                    await using (var scope = app.Services.CreateAsyncScope())
                    {
                        var count = await scope.ServiceProvider.GetRequiredService<ImportArchive>().ExecuteAsync(argument, Progress("articles"), CancellationToken.None);
                        Console.WriteLine($"Imported {count} articles from {Path.GetFullPath(argument)}.");
                    }

                    return 0;
                default:
                    return await UsageAsync();
            }
        }
        catch (ArchiveException ex)
        {
            await Console.Error.WriteLineAsync();
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    /// <summary>The usage of one command, or of all; exit code 2.</summary>
    private static async Task<int> UsageAsync(string? command = null)
    {
        foreach (var (name, argument, does) in Commands.Where(c => command is null || c.Name == command))
        {
            await Console.Error.WriteLineAsync($"usage: {(argument.Length == 0 ? name : name + " " + argument)}   ({does})");
        }

        if (command is null)
        {
            await Console.Error.WriteLineAsync("Without a command the web server runs.");
        }

        return 2;
    }

    /// <summary>The database's one-shot setup, whatever <c>Database:Migrate</c> says (it governs the server's start).</summary>
    private static async Task<int> MigrateAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var applied = await DatabaseStartup.MigrateAsync(scope.ServiceProvider, seed: true, CancellationToken.None);
        Console.WriteLine(applied.Count == 0
            ? "The database schema is up to date; roles and demo content checked."
            : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}; roles and demo content checked.");
        return 0;
    }

    /// <summary>
    /// Builds a copy: the app starts with a server that never listens (<see cref="UseNoListeningServerFor"/>), so
    /// pages go through the same pipeline as readers' requests, in-process.
    /// </summary>
    private static async Task<int> MirrorAsync(WebApplication app, string target, string? editions)
    {
        var codes = editions?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var zip = target.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? Path.GetFullPath(target) : null;
        if (zip is not null && File.Exists(zip))
        {
            await Console.Error.WriteLineAsync($"{zip} exists already; name a new file.");
            return 1;
        }

        await app.InitializeDatabaseAsync();
        app.UseNewsPortalPipeline();
        app.MapNewsPortalEndpoints();
        await app.StartAsync();
        var folder = zip is null ? target : Path.Combine(Path.GetTempPath(), "newsportal-mirror-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = await app.Services.GetRequiredService<BuildMirror>().ExecuteAsync(new MirrorBuildRequest(folder, codes), Progress("pages"), CancellationToken.None);
            if (zip is not null)
            {
                await MirrorJobs.ZipFolderAsync(folder, zip, CancellationToken.None);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(result.Incremental ? "Updated" : "Built")} the copy in {zip ?? Path.GetFullPath(folder)}: {result.Files} files, {result.Bytes / 1_048_576.0:0.0} MB ({result.Rendered} pages rendered, {result.Written} files written, {result.Removed} removed) in {result.Took.TotalSeconds:0.0} s; manifest signed, built {result.BuiltAt:yyyy-MM-dd HH:mm} UTC."));
            return 0;
        }
        catch (MirrorException ex)
        {
            await Console.Error.WriteLineAsync();
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        finally
        {
            if (zip is not null && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            await app.StopAsync();
        }
    }

    /// <summary>Operator commands run with a server that never listens; the web server is never started by one.</summary>
    public static WebApplicationBuilder UseNoListeningServerFor(this WebApplicationBuilder builder, string[] args)
    {
        if (IsCommand(args))
        {
            builder.Services.AddSingleton<Microsoft.AspNetCore.Hosting.Server.IServer, NoListeningServer>();
        }

        return builder;
    }

    /// Checks a mirror folder without the database: 0 when the signature is good and every file matches, 1 with the
    /// failures (the first <see cref="FailuresShown"/> of each kind) otherwise.
    /// </summary>
    private static async Task<int> VerifyMirrorAsync(WebApplication app, string folder, string? keyFile)
    {
        try
        {
            string? publicKeyPem = null;
            if (keyFile is not null)
            {
                if (!File.Exists(keyFile))
                {
                    throw new MirrorException($"{Path.GetFullPath(keyFile)} does not exist; pass the public key file downloaded from the main site ({MirrorSigningKey.WellKnownPath}).");
                }

                publicKeyPem = await File.ReadAllTextAsync(keyFile);
            }

            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<VerifyMirror>().ExecuteAsync(folder, publicKeyPem, Progress("bytes"), CancellationToken.None);
            if (result.Ok)
            {
                Console.WriteLine($"Mirror verified: signature good (key {result.KeyFingerprint}), {result.FilesChecked} files match.");
                return 0;
            }

            await Console.Error.WriteLineAsync();
            await Console.Error.WriteLineAsync($"Mirror NOT verified: {Path.GetFullPath(folder)}");
            await Console.Error.WriteLineAsync(result.SignatureValid
                ? $"  signature good (key {result.KeyFingerprint}), but the files do not match the manifest:"
                : $"  signature BAD: mirror-manifest.json was not signed by the key {result.KeyFingerprint}, or was changed since; nothing in the folder can be trusted.");
            await ListAsync("listed but missing", result.Missing);
            await ListAsync("altered (size or SHA-256 differs, or a link)", result.Altered);
            await ListAsync("in the folder but not listed", result.Unlisted);
            await ListAsync("listed under a path outside the folder or twice (not read)", result.UnsafePaths);
            return 1;
        }
        catch (MirrorException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }

        static async Task ListAsync(string kind, IReadOnlyList<string> paths)
        {
            if (paths.Count == 0)
            {
                return;
            }

            await Console.Error.WriteLineAsync($"  {paths.Count} {kind}{(paths.Count > FailuresShown ? $" (the first {FailuresShown})" : "")}:");
            foreach (var path in paths.Take(FailuresShown))
            {
                await Console.Error.WriteLineAsync("    " + path);
            }
        }
    }

    private static ConsoleProgress Progress(string unit) => new(Console.Error, !Console.IsErrorRedirected, unit);

    private static async Task<int> CreateAdminAsync(WebApplication app, string email)
    {
        if (!CreateAdminAccount.IsEmailShaped(email))
        {
            return await UsageAsync("create-admin");
        }

        await app.InitializeDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CreateAdminAccount>()
            .ExecuteAsync(email, Environment.GetEnvironmentVariable(PasswordVariable), CancellationToken.None);
        if (!outcome.Created)
        {
            await Console.Error.WriteLineAsync(outcome.Problem);
            return 1;
        }

        Console.WriteLine($"Created Admin account {email}.");
        if (outcome.GeneratedPassword is { } password)
        {
            Console.WriteLine($"Its one-time password is: {password}");
            Console.WriteLine("It is shown only now. Sign in at /editor/login and change it under Account.");
        }

        return 0;
    }
}
