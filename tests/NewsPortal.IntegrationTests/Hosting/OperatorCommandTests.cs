using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Tests.Shared;

namespace NewsPortal.IntegrationTests.Hosting;

/// <summary>The backup, restore, export and import commands, run as an operator would: separate processes on their own data directories.</summary>
[Trait("Database", "Sqlite")]
public sealed class OperatorCommandTests : IDisposable
{
    private readonly string _site = TestHost.NewDataDirectory();
    private readonly string _restored = TestHost.NewDataDirectory();
    private readonly string _files = TestHost.NewDataDirectory();

    public void Dispose()
    {
        TestHost.DeleteDataDirectory(_site);
        TestHost.DeleteDataDirectory(_restored);
        TestHost.DeleteDataDirectory(_files);
    }

    private static Task<(int Exit, string Output, string Errors)> RunAsync(string dataDirectory, bool seed, params string[] args) =>
        OperatorProcess.RunAsync(dataDirectory, seed, args);

    [Theory]
    [InlineData("backupp", "site.zip")]
    [InlineData("restore")]
    [InlineData("export", "--urls")]
    [InlineData("serve")]
    public async Task AnUnknownCommandOrWrongArgumentsPrintUsageAndNeverStartTheServer(params string[] args)
    {
        var (exit, output, errors) = await RunAsync(_site, seed: false, args);

        Assert.Equal(2, exit);
        Assert.Contains("usage: ", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output + errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_site, "newsportal.db")));
    }

    [Fact]
    public async Task ABackupRestoresIntoAnEmptyDirectoryAndNotOverASite()
    {
        var archive = Path.Combine(_files, "site.zip");
        var (backedUp, output, progress) = await RunAsync(_site, seed: true, "backup", archive);
        Assert.True(backedUp == 0, output + progress);
        Assert.Contains("100%", progress, StringComparison.Ordinal);
        Assert.Contains("Backed up", output, StringComparison.Ordinal);

        var (restored, restoreOutput, restoreErrors) = await RunAsync(_restored, seed: true, "restore", archive);
        Assert.True(restored == 0, restoreOutput + restoreErrors);
        Assert.Contains("database checked", restoreOutput, StringComparison.Ordinal);
        Assert.Equal(Directory.GetFiles(Path.Combine(_site, "media")).Length, Directory.GetFiles(Path.Combine(_restored, "media")).Length);

        var (refused, _, refusal) = await RunAsync(_site, seed: true, "restore", archive);
        Assert.Equal(1, refused);
        Assert.Contains("not empty", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExportImportsIntoAnEmptyDatabase()
    {
        var folder = Path.Combine(_files, "export");
        var (exported, output, errors) = await RunAsync(_site, seed: true, "export", folder);
        Assert.True(exported == 0, output + errors);
        var count = Directory.GetFiles(Path.Combine(folder, "articles"), "*.md", SearchOption.AllDirectories).Length;
        Assert.Contains($"Exported {count} articles", output, StringComparison.Ordinal);

        var (imported, importOutput, importErrors) = await RunAsync(_restored, seed: false, "import", folder);
        Assert.True(imported == 0, importOutput + importErrors);
        Assert.Contains($"Imported {count} articles", importOutput, StringComparison.Ordinal);
    }
}
