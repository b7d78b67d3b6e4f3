using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Tests.Shared;
using NewsPortal.Web.Features.Mirror;

namespace NewsPortal.IntegrationTests.Features.Mirror;

/// <summary>The <c>verify-mirror</c> command, run as an operator would: a separate process, with no database.</summary>
[Trait("Database", "Sqlite")]
public sealed class VerifyMirrorCommandTests : IDisposable
{
    private readonly string _site = TestHost.NewDataDirectory();
    private readonly string _files = TestHost.NewDataDirectory();

    public void Dispose()
    {
        TestHost.DeleteDataDirectory(_site);
        TestHost.DeleteDataDirectory(_files);
    }

    /// <summary>A small mirror signed with the data directory's key, as the site's builder leaves it.</summary>
    private async Task<(string Folder, MirrorSigningKey Key)> WriteMirrorAsync()
    {
        var folder = Path.Combine(_files, "mirror");
        Directory.CreateDirectory(Path.Combine(folder, "en"));
        File.WriteAllText(Path.Combine(folder, "en", "index.html"), "<!doctype html><h1>Top stories</h1>");
        File.WriteAllText(Path.Combine(folder, "sitemap.xml"), "<urlset/>");
        var key = new MirrorSigningKey(Path.Combine(_site, "keys", MirrorSigningKey.FileName));
        var entries = await MirrorManifest.HashFolderAsync(folder, CancellationToken.None);
        await MirrorManifest.WriteAsync(folder, new MirrorManifestInfo("NewsPortal", "https://news.example.org/", ["en"], DateTime.UtcNow), entries, key, CancellationToken.None);
        return (folder, key);
    }

    [Theory]
    [InlineData("verify-mirror")]
    [InlineData("verify-mirror", "--urls")]
    [InlineData("verify-mirror", "mirror", "key.pem", "more")]
    public async Task WithoutAFolderOrWithTooManyArgumentsItPrintsUsage(params string[] args)
    {
        var (exit, output, errors) = await OperatorProcess.RunAsync(_site, seed: false, args);

        Assert.Equal(2, exit);
        Assert.Contains("usage: verify-mirror <folder> [public-key.pem]", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output + errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUntouchedMirrorPassesAndATamperedOneFailsWithoutADatabase()
    {
        var (folder, key) = await WriteMirrorAsync();
        var keyFile = Path.Combine(_files, "newsportal-mirror-key.pem");
        File.WriteAllText(keyFile, key.PublicKeyPem);

        var (exit, output, errors) = await OperatorProcess.RunAsync(_site, seed: false, "verify-mirror", folder);
        Assert.True(exit == 0, output + errors);
        Assert.Contains($"Mirror verified: signature good (key {MirrorSigningKey.Fingerprint(key.PublicKeyPem)}), 2 files match.", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_site, "newsportal.db")));

        File.AppendAllText(Path.Combine(folder, "en", "index.html"), "<script src=//evil.example/x.js></script>");
        File.WriteAllText(Path.Combine(folder, "en", "x.js"), "alert(1)");
        var (failed, failedOutput, failures) = await OperatorProcess.RunAsync(_files, seed: false, "verify-mirror", folder, keyFile);
        Assert.True(failed == 1, failedOutput + failures);
        Assert.Contains("1 altered", failures, StringComparison.Ordinal);
        Assert.Contains("    en/index.html", failures, StringComparison.Ordinal);
        Assert.Contains("1 in the folder but not listed", failures, StringComparison.Ordinal);
        Assert.Contains("    en/x.js", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("Mirror verified", failedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAKeyOrAManifestItSaysWhatIsMissing()
    {
        var (folder, _) = await WriteMirrorAsync();

        var (noKey, _, noKeyErrors) = await OperatorProcess.RunAsync(_files, seed: false, "verify-mirror", folder);
        Assert.Equal(1, noKey);
        Assert.Contains("no signing key in the data directory; pass the main site's public key file", noKeyErrors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_files, "keys", MirrorSigningKey.FileName)));

        var (noManifest, _, noManifestErrors) = await OperatorProcess.RunAsync(_site, seed: false, "verify-mirror", Path.Combine(_files, "nowhere"));
        Assert.Equal(1, noManifest);
        Assert.Contains("is not a folder", noManifestErrors, StringComparison.Ordinal);
    }
}
