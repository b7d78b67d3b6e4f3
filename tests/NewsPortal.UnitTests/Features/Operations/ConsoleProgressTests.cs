using NewsPortal.Web.Features.Operations;

namespace NewsPortal.UnitTests.Features.Operations;

public class ConsoleProgressTests
{
    [Fact]
    public void EachStageIsNamedOnItsOwnLineBeforeItsBar()
    {
        var output = new StringWriter { NewLine = "\n" };
        var progress = new ConsoleProgress(output, interactive: false, unit: "bytes");

        progress.Report(new ArchiveProgress(0, 0, "database/newsportal.db", "Taking a snapshot"));
        progress.Report(new ArchiveProgress(0, 2_097_152, "", "Writing the archive"));
        progress.Report(new ArchiveProgress(1_048_576, 2_097_152, "media/a-480.jpg"));
        progress.Report(new ArchiveProgress(2_097_152, 2_097_152, "manifest.json"));
        progress.Report(new ArchiveProgress(0, 0, "database/newsportal.db", "Checking the database"));

        Assert.Equal(
            [
                "Taking a snapshot…",
                "Writing the archive…",
                "[------------------------------]   0%  0.0 of 2.0 MB",
                "[###############---------------]  50%  1.0 of 2.0 MB",
                "[##############################] 100%  2.0 of 2.0 MB",
                "Checking the database…",
            ],
            output.ToString().TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void OnATerminalAStageInterruptingABarStartsOnANewLine()
    {
        var output = new StringWriter { NewLine = "\n" };
        var progress = new ConsoleProgress(output, interactive: true, unit: "articles");

        progress.Report(new ArchiveProgress(3, 10, "x"));
        progress.Report(new ArchiveProgress(0, 0, "", "Checking"));

        var lines = output.ToString().Split('\n');
        Assert.Equal("\r[#########---------------------]  30%  3 of 10 articles", lines[0].TrimEnd());
        Assert.Equal("Checking…", lines[1]);
    }
}
