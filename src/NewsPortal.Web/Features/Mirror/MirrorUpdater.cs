using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Features.ReaderCache;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Mirror;

/// <summary>
/// Keeps the configured copy (<see cref="MirrorOptions.Folder"/>) current: every committed save that changed reader
/// pages (publishing, editing a published story, a correction, unpublishing, the scheduler) hands over the tags it
/// evicted; a few seconds later (<see cref="MirrorOptions.UpdateDelaySeconds"/>, so a burst of saves makes one update)
/// the copy renders again only those pages. Tags of an update that failed are kept for the next one; saves made before
/// the site serves (seeding) are handled once it does.
/// </summary>
public sealed class MirrorUpdater(MirrorJobs jobs, InProcessRequests requests, IOptionsMonitor<MirrorOptions> options, ILogger<MirrorUpdater> logger)
    : BackgroundService, IReaderPagesChangedListener
{
    private readonly Lock _gate = new();
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private HashSet<string> _pending = new(StringComparer.Ordinal);

    public void PagesChanged(IReadOnlySet<string> tags)
    {
        if (options.CurrentValue is not { Folder.Length: > 0, UpdateOnPublish: true })
        {
            return;
        }

        lock (_gate)
        {
            _pending.UnionWith(tags);
        }

        _signal.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _signal.Reader.WaitToReadAsync(stoppingToken))
        {
            _signal.Reader.TryRead(out _);
            await Task.Delay(TimeSpan.FromSeconds(options.CurrentValue.UpdateDelaySeconds), stoppingToken);
            while (!requests.IsReady)
            {
                // Saves made while the site starts (seeding a new database) wait for the pipeline that renders the pages.
                await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken);
            }

            HashSet<string> tags;
            lock (_gate)
            {
                tags = _pending;
                _pending = new HashSet<string>(StringComparer.Ordinal);
            }

            if (tags.Count == 0)
            {
                continue;
            }

            await jobs.UpdateAsync(tags, stoppingToken);
            if (jobs.Status.Error is { } error)
            {
                logger.LogWarning("The mirror update failed ({Error}); its pages are rendered again with the next one", error);
                lock (_gate)
                {
                    _pending.UnionWith(tags);
                }
            }
        }
    }
}
