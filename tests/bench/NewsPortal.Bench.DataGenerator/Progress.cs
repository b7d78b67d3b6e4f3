using System.Diagnostics;
using System.Globalization;

namespace NewsPortal.Bench.DataGenerator;

/// <summary>
/// Progress on stderr: percentage, count, rate and time left. On a terminal one line is redrawn with
/// a carriage return; when stderr is a file or a pipe, a line is written at every further 10 per cent.
/// </summary>
internal sealed class Progress(int total, TextWriter output, bool interactive)
{
    private const int BarWidth = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDrawnMs = -1_000;
    private int _lastTenth = -1;

    public static Progress ForStandardError(int total) => new(total, Console.Error, !Console.IsErrorRedirected);

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Report(int done)
    {
        if (interactive)
        {
            if (done < total && _clock.ElapsedMilliseconds - _lastDrawnMs < 200)
            {
                return;
            }

            _lastDrawnMs = _clock.ElapsedMilliseconds;
            var filled = (int)((long)BarWidth * done / total);
            output.Write($"\r[{new string('#', filled)}{new string('-', BarWidth - filled)}] {Line(done)}   ");
            if (done >= total)
            {
                output.WriteLine();
            }

            output.Flush();
            return;
        }

        var tenth = (int)(10L * done / total);
        if (tenth > _lastTenth)
        {
            _lastTenth = tenth;
            output.WriteLine(Line(done));
            output.Flush();
        }
    }

    private string Line(int done)
    {
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var rate = done / seconds;
        var eta = rate > 0 && done < total ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        return string.Create(CultureInfo.InvariantCulture,
            $"{100.0 * done / total,5:0.0}%  {done:N0}/{total:N0} articles  {rate:N0}/s  elapsed {Format(_clock.Elapsed)}  ETA {Format(eta)}");
    }

    private static string Format(TimeSpan time) =>
        time.TotalHours >= 1 ? time.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : time.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
