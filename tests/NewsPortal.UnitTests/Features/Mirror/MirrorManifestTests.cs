using System.Text;
using System.Text.Json;
using NewsPortal.Web.Features.Mirror;

namespace NewsPortal.UnitTests.Features.Mirror;

public sealed class MirrorManifestTests : IDisposable
{
    private readonly SignedMirror _mirror = new();

    public void Dispose() => _mirror.Dispose();

    [Fact]
    public async Task TheManifestListsEveryOtherFileSortedWithSizeAndChecksumAndItsBytesAreSigned()
    {
        await _mirror.WriteAsync();

        var bytes = File.ReadAllBytes(_mirror.PathOf(MirrorManifest.FileName));
        var json = JsonDocument.Parse(bytes).RootElement;
        Assert.Equal(["site", "baseUrl", "editions", "builtAt", "files"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("NewsPortal", json.GetProperty("site").GetString());
        Assert.Equal("https://news.example.org/", json.GetProperty("baseUrl").GetString());
        Assert.Equal(["en", "ru"], json.GetProperty("editions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("2026-11-29T09:12:00Z", json.GetProperty("builtAt").GetString());
        var files = json.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(SignedMirror.Pages.Keys.Order(StringComparer.Ordinal), files.Select(f => f.GetProperty("path").GetString()));
        Assert.All(files, f => Assert.Equal(["path", "sha256", "bytes"], f.EnumerateObject().Select(p => p.Name)));
        var russian = files.Single(f => f.GetProperty("path").GetString() == "ru/index.html");
        var content = Encoding.UTF8.GetBytes(SignedMirror.Pages["ru/index.html"]);
        Assert.Equal(content.Length, russian.GetProperty("bytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), russian.GetProperty("sha256").GetString());
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\n  \"files\": [\n", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);

        var signature = File.ReadAllBytes(_mirror.PathOf(MirrorManifest.SignatureFileName));
        Assert.Equal(64, signature.Length);
        Assert.True(MirrorSigningKey.Verify(_mirror.Key.PublicKeyPem, bytes, signature));
        Assert.Equal(_mirror.Key.PublicKeyPem, File.ReadAllText(_mirror.PathOf(MirrorManifest.PublicKeyFileName)));
    }

    [Fact]
    public async Task AManifestReadBackIsTheOneWritten()
    {
        Assert.Null(await MirrorManifest.ReadAsync(_mirror.Folder, CancellationToken.None));
        var written = await _mirror.WriteAsync();

        var read = await MirrorManifest.ReadAsync(_mirror.Folder, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(written.Site, read.Site);
        Assert.Equal(written.Editions, read.Editions);
        Assert.Equal(new DateTime(2026, 11, 29, 9, 12, 0, DateTimeKind.Utc), read.BuiltAt);
        Assert.Equal(DateTimeKind.Utc, read.BuiltAt.Kind);
        Assert.Equal(written.Files, read.Files);
    }

    [Fact]
    public async Task AnEntryHashedFromMemoryIsTheEntryHashedFromDisk()
    {
        _mirror.Write("ru/index.html", SignedMirror.Pages["ru/index.html"]);

        var fromDisk = await MirrorManifest.HashFileAsync(_mirror.Folder, "ru/index.html", CancellationToken.None);

        Assert.Equal(MirrorManifest.Hash("ru/index.html", Encoding.UTF8.GetBytes(SignedMirror.Pages["ru/index.html"])), fromDisk);
    }

    [Theory]
    [InlineData("../outside.html")]
    [InlineData("en/../../outside.html")]
    [InlineData("/etc/passwd")]
    [InlineData("en\\index.html")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData("en//index.html")]
    [InlineData("./index.html")]
    [InlineData("")]
    [InlineData("mirror-manifest.json")]
    [InlineData("mirror-signing-key.pem")]
    public async Task AnEntryThatCouldNameAFileOutsideTheFolderOrTheManifestItselfIsRefused(string path)
    {
        var entries = new[] { MirrorManifest.Hash(path, "x"u8) };

        await Assert.ThrowsAsync<ArgumentException>(() => MirrorManifest.WriteAsync(_mirror.Folder, SignedMirror.Info, entries, _mirror.Key, CancellationToken.None));
        Assert.False(File.Exists(_mirror.PathOf(MirrorManifest.FileName)));
    }

    [Fact]
    public async Task AFileListedTwiceIsRefused()
    {
        var entries = new[] { MirrorManifest.Hash("en/index.html", "a"u8), MirrorManifest.Hash("en/index.html", "b"u8) };

        await Assert.ThrowsAsync<ArgumentException>(() => MirrorManifest.WriteAsync(_mirror.Folder, SignedMirror.Info, entries, _mirror.Key, CancellationToken.None));
    }
}
