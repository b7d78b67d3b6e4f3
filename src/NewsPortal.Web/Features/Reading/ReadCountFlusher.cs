using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Features.Reading;

/// <summary>
/// Writes the counted reads to the database every <see cref="ReadsOptions.FlushSeconds"/>, and once more when the
/// site shuts down, so counts survive restarts. A failed write keeps the reads for the next attempt; it is logged
/// as a warning once, until a write succeeds again, and never reaches a reader.
/// </summary>
public sealed class ReadCountFlusher(IServiceScopeFactory scopes, ReadCounter counter, IOptionsMonitor<ReadsOptions> options, TimeProvider time, ILogger<ReadCountFlusher> logger) : BackgroundService
{
    // One write at a time (never disposed: a host may be stopped after its services were disposed).
    private readonly SemaphoreSlim _one = new(1, 1);
    private bool _failing;

    /// <summary>Writes what was counted now; false when the write failed (the reads are kept).</summary>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken)
    {
        if (counter.Pending == 0)
        {
            // Nothing read since the last write: no scope, no connection.
            return true;
        }

        await _one.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FlushReadCounts>().ExecuteAsync(cancellationToken);
            if (_failing)
            {
                _failing = false;
                logger.LogInformation("Article reads are written to the database again");
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (!_failing)
            {
                _failing = true;
                logger.LogWarning(ex, "Article reads could not be written to the database; they are kept in memory and written at the next attempt");
            }

            return false;
        }
        finally
        {
            _one.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("The site stopped before the last article reads were written to the database");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.CurrentValue.FlushSeconds), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await FlushAsync(stoppingToken);
        }
    }
}
