using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NewsPortal.Web.Features.Operations;

namespace NewsPortal.Web.Features.Mirror;

/// <summary>
/// The signed table of contents of a static mirror, at the root of its folder: <see cref="FileName"/> (indented
/// camelCase JSON: the site, its editions, when it was built and every other file of the folder with its size and
/// SHA-256, paths relative with forward slashes, sorted ordinally), <see cref="SignatureFileName"/> (the raw 64-byte
/// Ed25519 signature of the manifest file's exact bytes, what <c>openssl pkeyutl -verify -rawin -sigfile</c> takes) and
/// <see cref="PublicKeyFileName"/> (the public key, a convenience only: trust the one the main site serves).
/// </summary>
public sealed record MirrorManifest(string Site, string BaseUrl, IReadOnlyList<string> Editions, DateTime BuiltAt, IReadOnlyList<MirrorFileEntry> Files)
{
    public const string FileName = "mirror-manifest.json";

    public const string SignatureFileName = "mirror-manifest.json.sig";

    public const string PublicKeyFileName = "mirror-signing-key.pem";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The three files of the folder that the manifest does not list: itself, its signature and the key.</summary>
    public static bool IsOwnFile(string relativePath) => relativePath is FileName or SignatureFileName or PublicKeyFileName;

    /// <summary>
    /// A path a manifest may list: relative, forward slashes, no empty, <c>.</c> or <c>..</c> segment, nothing a file
    /// system would read as a root, a drive or a stream; so that it can only name a file inside the mirror's folder.
    /// </summary>
    public static bool IsSafePath(string? relativePath) =>
        !string.IsNullOrEmpty(relativePath)
        && relativePath.Length <= 1024
        && !relativePath.Contains('\\', StringComparison.Ordinal)
        && !relativePath.Contains(':', StringComparison.Ordinal)
        && !relativePath.Any(char.IsControl)
        && !Path.IsPathRooted(relativePath)
        && relativePath.Split('/').All(segment => segment is { Length: > 0 } and not "." and not "..");

    /// <summary>
    /// Writes the manifest of <paramref name="files"/> (the caller's entries, every file of the folder but the three
    /// of the manifest), signs its exact bytes with <paramref name="key"/> and puts the signature and public key beside it.
    /// </summary>
    public static async Task<MirrorManifest> WriteAsync(string folder, MirrorManifestInfo info, IEnumerable<MirrorFileEntry> files, MirrorSigningKey key, CancellationToken cancellationToken)
    {
        var listed = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        foreach (var file in listed)
        {
            if (!IsSafePath(file.Path) || IsOwnFile(file.Path))
            {
                throw new ArgumentException($"A mirror manifest cannot list “{file.Path}”: paths are relative, with forward slashes, inside the folder, and not the manifest's own files.", nameof(files));
            }

            if (file.Sha256.Length != 64 || !file.Sha256.All(char.IsAsciiHexDigitLower) || file.Bytes < 0)
            {
                throw new ArgumentException($"The entry of “{file.Path}” needs its SHA-256 in lowercase hex and its size.", nameof(files));
            }
        }

        if (listed.Zip(listed.Skip(1)).FirstOrDefault(p => p.First.Path == p.Second.Path) is { First: { } duplicate })
        {
            throw new ArgumentException($"“{duplicate.Path}” is listed twice.", nameof(files));
        }

        var builtAt = info.BuiltAt.ToUniversalTime();
        var manifest = new MirrorManifest(
            info.Site,
            info.BaseUrl,
            info.Editions,
            new DateTime(builtAt.Ticks - (builtAt.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc),
            listed);
        byte[] bytes = [.. JsonSerializer.SerializeToUtf8Bytes(manifest, Json), (byte)'\n'];
        var folderPath = Path.GetFullPath(folder);
        Directory.CreateDirectory(folderPath);
        await File.WriteAllBytesAsync(Path.Combine(folderPath, FileName), bytes, cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(folderPath, SignatureFileName), key.Sign(bytes), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folderPath, PublicKeyFileName), key.PublicKeyPem, cancellationToken);
        return manifest;
    }

    /// <summary>The manifest in <paramref name="folder"/>; null when there is none. A file that is not a manifest throws <see cref="MirrorException"/>.</summary>
    public static async Task<MirrorManifest?> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetFullPath(folder), FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        return Parse(await File.ReadAllBytesAsync(path, cancellationToken), path);
    }

    /// <summary>The manifest in <paramref name="json"/> (the bytes of <see cref="FileName"/>).</summary>
    internal static MirrorManifest Parse(byte[] json, string source)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<MirrorManifest>(json, Json);
            if (manifest is { Site: not null, BaseUrl: not null, Editions: not null, Files: not null } && manifest.Files.All(f => f is { Path: not null, Sha256: not null }))
            {
                return manifest;
            }
        }
        catch (JsonException ex)
        {
            throw new MirrorException($"{source} is not a mirror manifest ({ex.Message}).", ex);
        }

        throw new MirrorException($"{source} is not a mirror manifest (a field is missing).");
    }

    /// <summary>The entry of one file of the mirror, from its content.</summary>
    public static MirrorFileEntry Hash(string relativePath, ReadOnlySpan<byte> content) =>
        new(relativePath, Convert.ToHexStringLower(SHA256.HashData(content)), content.Length);

    /// <summary>The entry of the file <paramref name="relativePath"/> (forward slashes) of <paramref name="folder"/>, read from disk.</summary>
    public static async Task<MirrorFileEntry> HashFileAsync(string folder, string relativePath, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(Path.Combine(Path.GetFullPath(folder), relativePath), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var (bytes, sha256) = await BackupManifest.HashAsync(stream, null, _ => { }, cancellationToken);
        return new MirrorFileEntry(relativePath, sha256, bytes);
    }

    /// <summary>The entries of every regular file of <paramref name="folder"/> but the manifest's own three (symbolic links refused).</summary>
    public static async Task<IReadOnlyList<MirrorFileEntry>> HashFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var contents = MirrorFolder.Read(folder);
        if (contents.Links.Count > 0)
        {
            throw new MirrorException($"The mirror folder holds symbolic links ({string.Join(", ", contents.Links.Take(5))}); a mirror holds files only.");
        }

        var entries = new List<MirrorFileEntry>();
        foreach (var path in contents.Files.Keys.Where(p => !IsOwnFile(p)).Order(StringComparer.Ordinal))
        {
            entries.Add(await HashFileAsync(folder, path, cancellationToken));
        }

        return entries;
    }
}

/// <summary>One file of a mirror: its path relative to the folder (forward slashes), SHA-256 in lowercase hex, size.</summary>
public sealed record MirrorFileEntry(string Path, string Sha256, long Bytes);

/// <summary>What a manifest says about the mirror besides its files.</summary>
public sealed record MirrorManifestInfo(string Site, string BaseUrl, IReadOnlyList<string> Editions, DateTime BuiltAt);

/// <summary>A mirror that cannot be checked (no folder, no manifest, no key), with the sentence for the operator.</summary>
public sealed class MirrorException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// What a mirror folder holds, walked without following links: its regular files (relative path, forward slashes →
/// size) and the relative paths of its symbolic links, which are never read.
/// </summary>
internal sealed record MirrorFolder(IReadOnlyDictionary<string, long> Files, IReadOnlyList<string> Links)
{
    public static MirrorFolder Read(string folder)
    {
        var root = Path.GetFullPath(folder);
        var files = new Dictionary<string, long>(StringComparer.Ordinal);
        var links = new List<string>();
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(root)]);
        while (pending.TryPop(out var directory))
        {
            foreach (var entry in directory.EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false }))
            {
                var relative = Path.GetRelativePath(root, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
                if (entry.LinkTarget is not null)
                {
                    links.Add(relative);
                }
                else if (entry is DirectoryInfo subdirectory)
                {
                    pending.Push(subdirectory);
                }
                else if (entry is FileInfo file)
                {
                    files[relative] = file.Length;
                }
            }
        }

        links.Sort(StringComparer.Ordinal);
        return new MirrorFolder(files, links);
    }
}
