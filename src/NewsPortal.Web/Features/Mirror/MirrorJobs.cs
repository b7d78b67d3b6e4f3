using System.IO.Compression;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Features.Operations;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Mirror;

/// <summary>
/// The running site's mirror work, one job at a time: a full build of the kept copy (<see cref="MirrorOptions.Folder"/>)
/// started by an admin, updates after saves (<see cref="MirrorUpdater"/>), and a zip of one edition for passing on
/// offline. Shows the admin page what runs, how far it is, and how the last job ended.
/// </summary>
public sealed class MirrorJobs(BuildMirror build, StoragePaths paths, IOptionsMonitor<MirrorOptions> options, TimeProvider time, ILogger<MirrorJobs> logger)
{
    private readonly Lock _gate = new();
    private Task _running = Task.CompletedTask;

    public MirrorJobStatus Status { get; private set; } = MirrorJobStatus.Idle;

    /// <summary>The kept copy's folder, or null when none is configured.</summary>
    public string? Folder => options.CurrentValue.Folder is { Length: > 0 } folder ? paths.Resolve(folder) : null;

    public IReadOnlyList<string>? Editions => options.CurrentValue.Editions is { Length: > 0 } codes ? codes : null;

    /// <summary>Where the zip of an edition is kept for download.</summary>
    public string ZipPath(string edition) => Path.Combine(paths.DataDirectory, "mirror-zips", $"mirror-{edition}.zip");

    /// <summary>Starts a full build of the kept copy; false when no folder is configured or a job runs.</summary>
    public bool TryStartBuild(string startedBy) =>
        Folder is { } folder && TryStart(MirrorJobKind.Build, startedBy, (progress, cancellation) =>
            build.ExecuteAsync(new MirrorBuildRequest(folder, Editions), progress, cancellation));

    /// <summary>Starts making the zip of one edition (a copy of its own, kept beside the zip so the next one is an update).</summary>
    public bool TryStartZip(string edition, string startedBy) =>
        TryStart(MirrorJobKind.Zip, startedBy, async (progress, cancellation) =>
        {
            var folder = Path.Combine(paths.DataDirectory, "mirror-zips", edition);
            var result = await build.ExecuteAsync(new MirrorBuildRequest(folder, [edition]), progress, cancellation);
            await ZipFolderAsync(folder, ZipPath(edition), cancellation);
            return result;
        });

    /// <summary>Runs an update of the kept copy after saves, waiting for a running job to end first.</summary>
    public async Task UpdateAsync(IReadOnlySet<string> changedTags, CancellationToken cancellationToken)
    {
        if (Folder is not { } folder)
        {
            return;
        }

        Task running;
        lock (_gate)
        {
            running = _running;
        }

        await running.WaitAsync(cancellationToken);
        var job = Start(MirrorJobKind.Update, "", (progress, cancellation) =>
            build.ExecuteAsync(new MirrorBuildRequest(folder, Editions, changedTags), progress, cancellation), cancellationToken);
        await job;
    }

    /// <summary>Zips a copy's folder (its manifest and signature included) into <paramref name="zip"/>, replacing it whole.</summary>
    public static async Task ZipFolderAsync(string folder, string zip, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zip))!);
        var temporary = zip + ".partial";
        File.Delete(temporary);
        await ZipFile.CreateFromDirectoryAsync(folder, temporary, CompressionLevel.Optimal, includeBaseDirectory: false, cancellationToken);
        File.Move(temporary, zip, overwrite: true);
    }

    private bool TryStart(MirrorJobKind kind, string startedBy, Func<IProgress<ArchiveProgress>, CancellationToken, Task<MirrorBuildResult>> work)
    {
        lock (_gate)
        {
            if (!_running.IsCompleted)
            {
                return false;
            }

            _running = Start(kind, startedBy, work, CancellationToken.None);
            return true;
        }
    }

    private Task Start(MirrorJobKind kind, string startedBy, Func<IProgress<ArchiveProgress>, CancellationToken, Task<MirrorBuildResult>> work, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow().UtcDateTime;
        Status = new MirrorJobStatus(kind, true, started, "", 0, 0, Status.LastResult, null, startedBy);
        var progress = new Progress(this);
        var task = Task.Run(async () =>
        {
            try
            {
                var result = await work(progress, cancellationToken);
                Status = Status with { Running = false, LastResult = result, Error = null };
            }
            catch (Exception ex) when (ex is MirrorException or IOException or UnauthorizedAccessException)
            {
                logger.LogError(ex, "The mirror {Kind} failed", kind);
                Status = Status with { Running = false, Error = ex.Message };
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The mirror {Kind} failed", kind);
                Status = Status with { Running = false, Error = ex.GetType().Name };
            }
        }, CancellationToken.None);
        lock (_gate)
        {
            _running = task;
        }

        return task;
    }

    private sealed class Progress(MirrorJobs jobs) : IProgress<ArchiveProgress>
    {
        public void Report(ArchiveProgress value) => jobs.Status = jobs.Status with
        {
            Step = value.Step ?? jobs.Status.Step,
            Done = value.Done,
            Total = value.Total,
        };
    }
}

public enum MirrorJobKind
{
    Build,
    Update,
    Zip,
}

/// <summary>The job that runs or ran last: its kind, whether it runs, its step and count, and how the last one ended.</summary>
public sealed record MirrorJobStatus(MirrorJobKind Kind, bool Running, DateTime StartedAt, string Step, long Done, long Total, MirrorBuildResult? LastResult, string? Error, string StartedBy)
{
    public static readonly MirrorJobStatus Idle = new(MirrorJobKind.Build, false, default, "", 0, 0, null, null, "");
}
