using System.Text;
using NewsPortal.Web.Features.Mirror;

namespace NewsPortal.UnitTests.Features.Mirror;

public sealed class MirrorSigningKeyTests : IDisposable
{
    private readonly SignedMirror _site = new();

    public void Dispose() => _site.Dispose();

    private static readonly byte[] Data = Encoding.UTF8.GetBytes("{\"site\": \"NewsPortal\"}\n");

    [Fact]
    public void TheKeyIsGeneratedOnFirstUseAndReusedByTheNextProcess()
    {
        Assert.False(_site.Key.Exists);
        var first = _site.Key.PublicKeyPem;
        Assert.True(File.Exists(_site.Key.FilePath));
        var written = File.ReadAllText(_site.Key.FilePath);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----\n", written, StringComparison.Ordinal);

        var again = new MirrorSigningKey(_site.Key.FilePath);
        Assert.True(again.Exists);
        Assert.Equal(first, again.PublicKeyPem);
        Assert.Equal(written, File.ReadAllText(_site.Key.FilePath));
        Assert.True(MirrorSigningKey.Verify(first, Data, again.Sign(Data)));
    }

    [Fact]
    public void TheKeyFileIsReadableByItsOwnerOnly()
    {
        _ = _site.Key.PublicKeyPem;
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_site.Key.FilePath));
        Assert.Equal([MirrorSigningKey.FileName], Directory.GetFiles(Path.GetDirectoryName(_site.Key.FilePath)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task KeysCreatedAtTheSameMomentOnOneFolderAreOneKey()
    {
        var keys = Enumerable.Range(0, 8).Select(_ => new MirrorSigningKey(_site.Key.FilePath)).ToList();

        var pems = await Task.WhenAll(keys.Select(k => Task.Run(() => k.PublicKeyPem)));

        Assert.Single(pems.Distinct());
        Assert.Equal(pems[0], new MirrorSigningKey(_site.Key.FilePath).PublicKeyPem);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(_site.Key.FilePath)!));
    }

    [Fact]
    public void AnUnreadableKeyFileIsNeverReplaced()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_site.Key.FilePath)!);
        File.WriteAllText(_site.Key.FilePath, "not a key");

        var refusal = Assert.Throws<InvalidOperationException>(() => _site.Key.PublicKeyPem);

        Assert.Contains("PKCS#8", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("not a key", File.ReadAllText(_site.Key.FilePath));
    }

    [Fact]
    public void SignatureMadeByTheKeyVerifiesAndATamperedByteFails()
    {
        var signature = _site.Key.Sign(Data);
        Assert.Equal(64, signature.Length);
        Assert.True(MirrorSigningKey.Verify(_site.Key.PublicKeyPem, Data, signature));

        var tampered = (byte[])Data.Clone();
        tampered[3] ^= 1;
        Assert.False(MirrorSigningKey.Verify(_site.Key.PublicKeyPem, tampered, signature));
        var badSignature = (byte[])signature.Clone();
        badSignature[10] ^= 0x80;
        Assert.False(MirrorSigningKey.Verify(_site.Key.PublicKeyPem, Data, badSignature));
    }

    [Fact]
    public void ASignatureByAnotherKeyFails()
    {
        using var other = new SignedMirror();

        Assert.False(MirrorSigningKey.Verify(other.Key.PublicKeyPem, Data, _site.Key.Sign(Data)));
        Assert.NotEqual(MirrorSigningKey.Fingerprint(other.Key.PublicKeyPem), MirrorSigningKey.Fingerprint(_site.Key.PublicKeyPem));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a key")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")]
    [InlineData("-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n")]
    // A P-256 public key: well formed, not Ed25519.
    [InlineData("-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEIyfoOxhZjK5IRu2/0cw9GDBahvIN\nI0hgbrMpXl/cwn3MFJu+2Mk4ZaIufyZoiSL+nI2kkTE1xjZQCG9X6vVCHw==\n-----END PUBLIC KEY-----\n")]
    public void AMalformedPublicKeyVerifiesNothingAndThrowsNothing(string pem)
    {
        Assert.False(MirrorSigningKey.Verify(pem, Data, _site.Key.Sign(Data)));
        Assert.Null(MirrorSigningKey.Fingerprint(pem));
    }

    [Fact]
    public void TheWrongLabelOrASignatureOfTheWrongLengthFails()
    {
        var signature = _site.Key.Sign(Data);
        var relabelled = _site.Key.PublicKeyPem.Replace("PUBLIC KEY", "CERTIFICATE", StringComparison.Ordinal);

        Assert.False(MirrorSigningKey.Verify(relabelled, Data, signature));
        Assert.False(MirrorSigningKey.Verify(_site.Key.PublicKeyPem, Data, signature.AsSpan(0, 63)));
        Assert.False(MirrorSigningKey.Verify(_site.Key.PublicKeyPem, Data, []));
    }

    [Fact]
    public void ThePublicKeyIsThePemOpenSslPrints()
    {
        var pem = _site.Key.PublicKeyPem;
        var lines = pem.Split('\n');

        Assert.Equal(["-----BEGIN PUBLIC KEY-----", lines[1], "-----END PUBLIC KEY-----", ""], lines);
        // Ed25519's SubjectPublicKeyInfo: the algorithm 1.3.101.112 and 32 bytes of key, 44 bytes in all.
        Assert.StartsWith("MCowBQYDK2VwAyEA", lines[1], StringComparison.Ordinal);
        Assert.Equal(44, Convert.FromBase64String(lines[1]).Length);
        Assert.Equal(OpenSsl.Run(null, "pkey", "-in", _site.Key.FilePath, "-pubout").Output, pem);
    }
}
