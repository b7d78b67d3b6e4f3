using System.Globalization;

namespace NewsPortal.Web.Features.Operations;

/// <summary>
/// A progress bar for an operator command on standard error: redrawn in place on a terminal, a line every tenth
/// of the way when the output goes to a file or a pipe.
/// </summary>
public sealed class ConsoleProgress(TextWriter output, bool interactive, string unit) : IProgress<ArchiveProgress>
{
    private const int Width = 30;
    private int _lastTenth = -1;
    private string? _step;
    private bool _midLine;

    public void Report(ArchiveProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Step is { } step && step != _step)
        {
            // A new stage: its name on a line of its own, then a bar of its own (none for a stage without an amount).
            output.WriteLine((_midLine ? Environment.NewLine : "") + step + "…");
            _step = step;
            _lastTenth = -1;
            _midLine = false;
            if (value.Total == 0)
            {
                return;
            }
        }

        var fraction = value.Total == 0 ? 1 : Math.Clamp((double)value.Done / value.Total, 0, 1);
        var tenth = (int)(fraction * 10);
        if (!interactive && tenth == _lastTenth)
        {
            return;
        }

        _lastTenth = tenth;
        var filled = (int)Math.Round(fraction * Width);
        var amount = unit == "bytes"
            ? string.Create(CultureInfo.InvariantCulture, $"{value.Done / 1048576.0:0.0} of {value.Total / 1048576.0:0.0} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{value.Done} of {value.Total} {unit}");
        var line = string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('-', Width - filled)}] {fraction * 100,3:0}%  {amount}");
        if (interactive)
        {
            output.Write("\r" + line.PadRight(70));
            _midLine = fraction < 1;
            if (!_midLine)
            {
                output.WriteLine();
            }
        }
        else
        {
            output.WriteLine(line);
        }
    }
}
