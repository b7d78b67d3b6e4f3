using System.Security.Cryptography;
using NewsPortal.Web.Features.Mirror;

namespace NewsPortal.UnitTests.Features.Mirror;

/// <summary>
/// A mirror is checked with standard tools, without NewsPortal: the commands the README gives, run with the
/// <c>openssl</c> on the PATH (CI machines are Debian with OpenSSL 3 installed).
/// </summary>
public sealed class MirrorOpenSslTests : IDisposable
{
    private readonly SignedMirror _mirror = new();

    public void Dispose() => _mirror.Dispose();

    private (int Exit, string Output, string Errors) VerifyWithOpenSsl() =>
        OpenSsl.Run(_mirror.Folder, "pkeyutl", "-verify", "-pubin", "-inkey", MirrorManifest.PublicKeyFileName, "-rawin",
            "-in", MirrorManifest.FileName, "-sigfile", MirrorManifest.SignatureFileName);

    [Fact]
    public async Task OpenSslVerifiesTheManifestsSignatureAndRefusesATamperedManifest()
    {
        await _mirror.WriteAsync();

        var (exit, output, errors) = VerifyWithOpenSsl();
        Assert.True(exit == 0, output + errors);
        Assert.Contains("Signature Verified Successfully", output, StringComparison.Ordinal);

        var manifest = _mirror.PathOf(MirrorManifest.FileName);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"en\"", "\"fa\"", StringComparison.Ordinal));
        var (tamperedExit, tamperedOutput, tamperedErrors) = VerifyWithOpenSsl();
        Assert.NotEqual(0, tamperedExit);
        Assert.DoesNotContain("Signature Verified Successfully", tamperedOutput + tamperedErrors, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFingerprintIsTheSha256OfTheKeyOpenSslWritesAsDer()
    {
        var pem = Path.Combine(_mirror.Root, "key.pem");
        var der = Path.Combine(_mirror.Root, "key.der");
        File.WriteAllText(pem, _mirror.Key.PublicKeyPem);

        var (exit, output, errors) = OpenSsl.Run(null, "pkey", "-pubin", "-in", pem, "-outform", "DER", "-out", der);

        Assert.True(exit == 0, output + errors);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(der))), MirrorSigningKey.Fingerprint(_mirror.Key.PublicKeyPem));
    }

    [Fact]
    public void OpenSslReadsThePrivateKeyFile()
    {
        _ = _mirror.Key.PublicKeyPem;

        var (exit, output, errors) = OpenSsl.Run(null, "pkey", "-in", _mirror.Key.FilePath, "-noout", "-text");

        Assert.True(exit == 0, output + errors);
        Assert.Contains("ED25519 Private-Key", output, StringComparison.Ordinal);
    }
}
