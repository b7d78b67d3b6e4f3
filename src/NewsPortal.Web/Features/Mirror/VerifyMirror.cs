using NewsPortal.Web.Features.Operations;

namespace NewsPortal.Web.Features.Mirror;

/// <summary>
/// Checks a static mirror as its reader would: the signature of <c>mirror-manifest.json</c> against a public key (the
/// main site's, given as PEM, or this site's own key when none is given; never a key made up for the occasion), then
/// every listed file's size and SHA-256, and that the folder holds nothing the manifest does not list (an added
/// script must not pass). A path in the manifest that could name a file outside the folder fails the check and is
/// never read; neither is a symbolic link.
/// </summary>
public sealed class VerifyMirror(MirrorSigningKey siteKey)
{
    public async Task<MirrorVerification> ExecuteAsync(string folder, string? publicKeyPem, IProgress<ArchiveProgress>? progress, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new MirrorException($"{root} is not a folder.");
        }

        var manifestPath = Path.Combine(root, MirrorManifest.FileName);
        var signaturePath = Path.Combine(root, MirrorManifest.SignatureFileName);
        if (!File.Exists(manifestPath))
        {
            throw new MirrorException($"{root} holds no {MirrorManifest.FileName}: it is not a mirror, or not a whole one.");
        }

        if (!File.Exists(signaturePath))
        {
            throw new MirrorException($"{root} holds no {MirrorManifest.SignatureFileName}: the manifest is not signed.");
        }

        var key = publicKeyPem ?? SiteKey();
        var fingerprint = MirrorSigningKey.Fingerprint(key) ?? throw new MirrorException("The public key is not an Ed25519 key in PEM (-----BEGIN PUBLIC KEY-----).");

        var manifestBytes = await File.ReadAllBytesAsync(manifestPath, cancellationToken);
        var signature = await File.ReadAllBytesAsync(signaturePath, cancellationToken);
        var signatureValid = MirrorSigningKey.Verify(key, manifestBytes, signature);
        var manifest = MirrorManifest.Parse(manifestBytes, manifestPath);

        var contents = MirrorFolder.Read(root);
        var links = contents.Links.ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        var altered = new List<string>();
        var unsafePaths = new List<string>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var toHash = new List<MirrorFileEntry>();
        foreach (var entry in manifest.Files)
        {
            if (!MirrorManifest.IsSafePath(entry.Path) || MirrorManifest.IsOwnFile(entry.Path) || !listed.Add(entry.Path))
            {
                unsafePaths.Add(entry.Path);
            }
            else if (links.Contains(entry.Path))
            {
                altered.Add(entry.Path);
            }
            else if (!contents.Files.TryGetValue(entry.Path, out var size))
            {
                missing.Add(entry.Path);
            }
            else if (size != entry.Bytes)
            {
                altered.Add(entry.Path);
            }
            else
            {
                toHash.Add(entry);
            }
        }

        var total = toHash.Sum(e => e.Bytes);
        long done = 0;
        progress?.Report(new ArchiveProgress(0, total, "", "Checking the files against the manifest"));
        foreach (var entry in toHash)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var actual = await MirrorManifest.HashFileAsync(root, entry.Path, cancellationToken);
            if (actual.Sha256 != entry.Sha256 || actual.Bytes != entry.Bytes)
            {
                altered.Add(entry.Path);
            }

            done += entry.Bytes;
            progress?.Report(new ArchiveProgress(done, total, entry.Path));
        }

        var unlisted = contents.Files.Keys.Concat(contents.Links)
            .Where(p => !MirrorManifest.IsOwnFile(p) && !listed.Contains(p))
            .Order(StringComparer.Ordinal)
            .ToList();
        altered.Sort(StringComparer.Ordinal);
        return new MirrorVerification(signatureValid, fingerprint, manifest, missing, altered, unlisted, unsafePaths, toHash.Count);
    }

    /// <summary>This site's public key, read from the data directory; none is generated just to check a mirror.</summary>
    private string SiteKey()
    {
        if (!siteKey.Exists)
        {
            throw new MirrorException("There is no signing key in the data directory; pass the main site's public key file.");
        }

        try
        {
            return siteKey.PublicKeyPem;
        }
        catch (InvalidOperationException ex)
        {
            throw new MirrorException(ex.Message, ex);
        }
    }
}

/// <summary>
/// The outcome of <see cref="VerifyMirror"/>: whether the manifest's signature is good for the key
/// (<see cref="KeyFingerprint"/>), and the listed files that are missing or altered, the files present but not listed,
/// and the listed paths refused as unsafe (outside the folder, listed twice). <see cref="FilesChecked"/> counts the
/// files whose contents were hashed.
/// </summary>
public sealed record MirrorVerification(
    bool SignatureValid,
    string KeyFingerprint,
    MirrorManifest Manifest,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Altered,
    IReadOnlyList<string> Unlisted,
    IReadOnlyList<string> UnsafePaths,
    int FilesChecked)
{
    public bool Ok => SignatureValid && Missing.Count == 0 && Altered.Count == 0 && Unlisted.Count == 0 && UnsafePaths.Count == 0;
}
