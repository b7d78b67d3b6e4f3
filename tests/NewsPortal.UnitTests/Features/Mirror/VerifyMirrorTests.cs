using System.Text;
using NewsPortal.Web.Features.Mirror;

namespace NewsPortal.UnitTests.Features.Mirror;

public sealed class VerifyMirrorTests : IDisposable
{
    private readonly SignedMirror _mirror = new();

    public void Dispose() => _mirror.Dispose();

    private Task<MirrorVerification> VerifyAsync(string? publicKeyPem = null) =>
        new VerifyMirror(_mirror.Key).ExecuteAsync(_mirror.Folder, publicKeyPem, null, CancellationToken.None);

    [Fact]
    public async Task AnUntouchedMirrorVerifiesWithTheMainSitesKeyOrTheDataDirectorysOwn()
    {
        await _mirror.WriteAsync();

        var byPem = await VerifyAsync(_mirror.Key.PublicKeyPem);
        var byOwnKey = await new VerifyMirror(new MirrorSigningKey(_mirror.Key.FilePath)).ExecuteAsync(_mirror.Folder, null, null, CancellationToken.None);

        foreach (var result in new[] { byPem, byOwnKey })
        {
            Assert.True(result.Ok);
            Assert.True(result.SignatureValid);
            Assert.Equal(SignedMirror.Pages.Count, result.FilesChecked);
            Assert.Empty(result.Missing.Concat(result.Altered).Concat(result.Unlisted).Concat(result.UnsafePaths));
            Assert.Equal(MirrorSigningKey.Fingerprint(_mirror.Key.PublicKeyPem), result.KeyFingerprint);
        }
    }

    [Fact]
    public async Task MissingAlteredAndUnlistedFilesAreEachReported()
    {
        await _mirror.WriteAsync();
        File.Delete(_mirror.PathOf("sitemap.xml"));
        // Same size, one letter changed: only the checksum tells.
        _mirror.Write("en/index.html", SignedMirror.Pages["en/index.html"].Replace("Top", "Tap", StringComparison.Ordinal));
        _mirror.Write("css/site.css", "body{margin:0}/* longer */");
        _mirror.Write("js/track.js", "alert(1)");

        var result = await VerifyAsync(_mirror.Key.PublicKeyPem);

        Assert.False(result.Ok);
        Assert.True(result.SignatureValid);
        Assert.Equal(["sitemap.xml"], result.Missing);
        Assert.Equal(["css/site.css", "en/index.html"], result.Altered);
        Assert.Equal(["js/track.js"], result.Unlisted);
    }

    [Fact]
    public async Task AnAddedFileAloneFailsTheCheck()
    {
        await _mirror.WriteAsync();
        _mirror.Write("en/a/storm-hits-coast/ad.html", "<script src=//evil.example/x.js></script>");

        var result = await VerifyAsync(_mirror.Key.PublicKeyPem);

        Assert.False(result.Ok);
        Assert.Equal(["en/a/storm-hits-coast/ad.html"], result.Unlisted);
    }

    [Fact]
    public async Task AManifestChangedToMatchAnAlteredFileFailsTheSignature()
    {
        await _mirror.WriteAsync();
        var altered = SignedMirror.Pages["en/index.html"].Replace("Top", "Tap", StringComparison.Ordinal);
        var manifestPath = _mirror.PathOf(MirrorManifest.FileName);
        var manifest = File.ReadAllText(manifestPath).Replace(
            MirrorManifest.Hash("en/index.html", Encoding.UTF8.GetBytes(SignedMirror.Pages["en/index.html"])).Sha256,
            MirrorManifest.Hash("en/index.html", Encoding.UTF8.GetBytes(altered)).Sha256,
            StringComparison.Ordinal);
        File.WriteAllText(manifestPath, manifest);
        _mirror.Write("en/index.html", altered);

        var result = await VerifyAsync(_mirror.Key.PublicKeyPem);

        Assert.False(result.SignatureValid);
        Assert.False(result.Ok);
        Assert.Empty(result.Altered);
    }

    [Fact]
    public async Task AMirrorSignedByAnotherKeyFails()
    {
        await _mirror.WriteAsync();
        using var other = new SignedMirror();

        var result = await VerifyAsync(other.Key.PublicKeyPem);

        Assert.False(result.SignatureValid);
        Assert.False(result.Ok);
        Assert.Equal(MirrorSigningKey.Fingerprint(other.Key.PublicKeyPem), result.KeyFingerprint);
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("en/../../secret.txt")]
    [InlineData("/tmp/secret.txt")]
    public async Task ASignedManifestListingAPathOutsideTheFolderFailsAndTheFileIsNeverRead(string path)
    {
        await _mirror.WriteAsync();
        File.WriteAllText(Path.Combine(_mirror.Root, "secret.txt"), "secret");
        var outside = MirrorManifest.Hash(path, "secret"u8);
        // Written by hand, as a forger holding the key (or a buggy builder) could: WriteAsync itself refuses such a path.
        var json = File.ReadAllText(_mirror.PathOf(MirrorManifest.FileName)).Replace(
            "\"files\": [",
            $"\"files\": [\n    {{ \"path\": \"{path}\", \"sha256\": \"{outside.Sha256}\", \"bytes\": 6 }},",
            StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(json);
        File.WriteAllBytes(_mirror.PathOf(MirrorManifest.FileName), bytes);
        File.WriteAllBytes(_mirror.PathOf(MirrorManifest.SignatureFileName), _mirror.Key.Sign(bytes));

        var result = await VerifyAsync(_mirror.Key.PublicKeyPem);

        Assert.True(result.SignatureValid);
        Assert.False(result.Ok);
        Assert.Equal([path], result.UnsafePaths);
        Assert.Equal(SignedMirror.Pages.Count, result.FilesChecked);
    }

    [Fact]
    public async Task ASymbolicLinkIsReportedAndNotFollowed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await _mirror.WriteAsync();
        File.WriteAllText(Path.Combine(_mirror.Root, "secret.txt"), "secret");
        File.Delete(_mirror.PathOf("sitemap.xml"));
        File.CreateSymbolicLink(_mirror.PathOf("sitemap.xml"), Path.Combine(_mirror.Root, "secret.txt"));
        Directory.CreateSymbolicLink(_mirror.PathOf("outside"), _mirror.Root);

        var result = await VerifyAsync(_mirror.Key.PublicKeyPem);

        Assert.False(result.Ok);
        Assert.Equal(["sitemap.xml"], result.Altered);
        Assert.Equal(["outside"], result.Unlisted);
    }

    [Fact]
    public async Task WithoutAKeyInTheDataDirectoryVerificationAsksForTheMainSitesKeyAndCreatesNone()
    {
        await _mirror.WriteAsync();
        using var elsewhere = new SignedMirror();

        var refusal = await Assert.ThrowsAsync<MirrorException>(() =>
            new VerifyMirror(elsewhere.Key).ExecuteAsync(_mirror.Folder, null, null, CancellationToken.None));

        Assert.Contains("no signing key in the data directory; pass the main site's public key file", refusal.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(elsewhere.Key.FilePath));
    }

    [Fact]
    public async Task AFolderWithoutAManifestOrSignatureIsNotAMirror()
    {
        await Assert.ThrowsAsync<MirrorException>(() => new VerifyMirror(_mirror.Key).ExecuteAsync(Path.Combine(_mirror.Root, "nowhere"), null, null, CancellationToken.None));
        var noManifest = await Assert.ThrowsAsync<MirrorException>(() => VerifyAsync(_mirror.Key.PublicKeyPem));
        Assert.Contains(MirrorManifest.FileName, noManifest.Message, StringComparison.Ordinal);

        await _mirror.WriteAsync();
        File.Delete(_mirror.PathOf(MirrorManifest.SignatureFileName));
        var noSignature = await Assert.ThrowsAsync<MirrorException>(() => VerifyAsync(_mirror.Key.PublicKeyPem));
        Assert.Contains(MirrorManifest.SignatureFileName, noSignature.Message, StringComparison.Ordinal);
    }
}
