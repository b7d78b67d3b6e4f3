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

    public void Report(ArchiveProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
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
            if (fraction >= 1)
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
