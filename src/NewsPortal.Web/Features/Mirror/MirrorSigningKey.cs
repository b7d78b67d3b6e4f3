using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.EdEC;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Mirror;

/// <summary>
/// The site's Ed25519 key that signs the manifest of every static mirror: a PKCS#8 PEM file
/// (<c>keys/mirror-signing-ed25519.pem</c> in the data directory, readable by its owner only), generated on first use
/// and never overwritten. Two processes that generate it at the same moment (instances on one shared folder) end up
/// with one key: the file appears complete or not at all, and the one that comes second reads the first one's.
/// Its public half is served at <see cref="WellKnownPath"/>; anyone holding a mirror checks it against that.
/// </summary>
public sealed class MirrorSigningKey
{
    public const string FileName = "mirror-signing-ed25519.pem";

    /// <summary>Where the main site serves <see cref="PublicKeyPem"/>.</summary>
    public const string WellKnownPath = "/.well-known/newsportal-mirror-key.pem";

    public const string PemContentType = "application/x-pem-file";

    /// <summary>The length of an Ed25519 signature, in bytes.</summary>
    public const int SignatureLength = 64;

    private const string PrivateKeyLabel = "PRIVATE KEY";
    private const string PublicKeyLabel = "PUBLIC KEY";

    private readonly Lazy<(Ed25519PrivateKeyParameters Key, string PublicPem)> _key;

    public MirrorSigningKey(StoragePaths paths)
        : this(Path.Combine(paths.DataDirectory, "keys", FileName))
    {
    }

    /// <summary>A key kept in <paramref name="file"/> (tests, tools); created there on first use.</summary>
    public MirrorSigningKey(string file)
    {
        FilePath = Path.GetFullPath(file);
        _key = new(() => LoadOrCreate(FilePath), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The private key's file.</summary>
    public string FilePath { get; }

    /// <summary>The public key as SubjectPublicKeyInfo PEM, as <c>openssl pkey -pubout</c> prints it; creates the key if there is none yet.</summary>
    public string PublicKeyPem => _key.Value.PublicPem;

    /// <summary>True when the key exists (in memory or in its file): reading it then never generates one.</summary>
    public bool Exists => _key.IsValueCreated || File.Exists(FilePath);

    /// <summary>The raw 64-byte Ed25519 signature of <paramref name="data"/>; creates the key if there is none yet.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, _key.Value.Key);
        signer.BlockUpdate(data);
        return signer.GenerateSignature();
    }

    /// <summary>
    /// Whether <paramref name="signature"/> is the Ed25519 signature of <paramref name="data"/> by the key whose public
    /// PEM is <paramref name="publicKeyPem"/>; false (never an exception) for a malformed key or signature.
    /// </summary>
    public static bool Verify(string publicKeyPem, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureLength || ReadPublicKey(publicKeyPem) is not { } key)
        {
            return false;
        }

        var verifier = new Ed25519Signer();
        verifier.Init(false, key);
        verifier.BlockUpdate(data);
        return verifier.VerifySignature(signature.ToArray());
    }

    /// <summary>
    /// The fingerprint by which people compare keys: <c>sha256:</c> and the SHA-256 of the key's DER SubjectPublicKeyInfo in hex,
    /// what <c>openssl pkey -pubin -in key.pem -outform DER | sha256sum</c> prints. Null for a malformed key.
    /// </summary>
    public static string? Fingerprint(string publicKeyPem) =>
        ReadPublicKey(publicKeyPem) is { } key
            ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key).GetDerEncoded()))
            : null;

    /// <summary>The Ed25519 public key in a <c>PUBLIC KEY</c> PEM, or null when the text holds none.</summary>
    private static Ed25519PublicKeyParameters? ReadPublicKey(string publicKeyPem)
    {
        if (string.IsNullOrEmpty(publicKeyPem) || !PemEncoding.TryFind(publicKeyPem, out var fields)
            || !publicKeyPem.AsSpan()[fields.Label].SequenceEqual(PublicKeyLabel))
        {
            return null;
        }

        try
        {
            return PublicKeyFactory.CreateKey(Convert.FromBase64String(publicKeyPem[fields.Base64Data])) as Ed25519PublicKeyParameters;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or InvalidCastException or InvalidOperationException or SecurityUtilityException)
        {
            return null;
        }
    }

    private static (Ed25519PrivateKeyParameters, string) LoadOrCreate(string file)
    {
        var key = File.Exists(file) ? Read(file) : Create(file);
        var publicPem = Pem(PublicKeyLabel, SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key.GeneratePublicKey()).GetDerEncoded());
        return (key, publicPem);
    }

    private static Ed25519PrivateKeyParameters Read(string file)
    {
        var text = File.ReadAllText(file);
        if (PemEncoding.TryFind(text, out var fields) && text.AsSpan()[fields.Label].SequenceEqual(PrivateKeyLabel))
        {
            try
            {
                if (PrivateKeyFactory.CreateKey(Convert.FromBase64String(text[fields.Base64Data])) is Ed25519PrivateKeyParameters key)
                {
                    return key;
                }
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or InvalidCastException or SecurityUtilityException)
            {
                throw new InvalidOperationException($"{file} is not an Ed25519 private key in PKCS#8 PEM; the mirror signing key is left as it is.", ex);
            }
        }

        throw new InvalidOperationException($"{file} is not an Ed25519 private key in PKCS#8 PEM; the mirror signing key is left as it is.");
    }

    /// <summary>
    /// A new key, written under a temporary name and then linked to its own name only if nothing is there yet, so no
    /// reader ever sees half a key and an existing one is never replaced; the loser of a race reads the winner's.
    /// </summary>
    private static Ed25519PrivateKeyParameters Create(string file)
    {
        var key = new Ed25519PrivateKeyParameters(new SecureRandom());
        // PKCS#8 version 1, the key alone, as OpenSSL writes it (OpenSSL 3.0 cannot read the version 2 form that carries the public key too).
        var pem = Pem(PrivateKeyLabel, new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), new DerOctetString(key.GetEncoded())).GetDerEncoded());
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + "." + Guid.NewGuid().ToString("N") + ".partial";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(pem);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temporary, file, overwrite: false);
                return key;
            }
            catch (IOException) when (File.Exists(file))
            {
                return Read(file);
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>PEM text with a final line break, as OpenSSL writes it.</summary>
    private static string Pem(string label, byte[] der) => new string(PemEncoding.Write(label, der)) + "\n";
}
