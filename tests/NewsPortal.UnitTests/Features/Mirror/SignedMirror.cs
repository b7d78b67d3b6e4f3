using System.Text;
using NewsPortal.Web.Features.Mirror;

namespace NewsPortal.UnitTests.Features.Mirror;

/// <summary>A temporary data directory with its signing key, and a small signed mirror folder written with it.</summary>
public sealed class SignedMirror : IDisposable
{
    public SignedMirror()
    {
        Key = new MirrorSigningKey(Path.Combine(Root, "data", "keys", MirrorSigningKey.FileName));
        Directory.CreateDirectory(Folder);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "newsportal-tests", "mirror-" + Guid.NewGuid().ToString("N"));

    public string Folder => Path.Combine(Root, "mirror");

    public MirrorSigningKey Key { get; }

    public static readonly IReadOnlyDictionary<string, string> Pages = new Dictionary<string, string>
    {
        ["en/index.html"] = "<!doctype html><title>NewsPortal</title><h1>Top stories</h1>",
        ["ru/index.html"] = "<!doctype html><title>NewsPortal</title><h1>Главное</h1>",
        ["en/a/storm-hits-coast/12.html"] = "<!doctype html><h1>Storm hits coast</h1>",
        ["sitemap.xml"] = "<?xml version=\"1.0\"?><urlset/>",
        ["css/site.css"] = "body{margin:0}",
    };

    /// <summary>Writes <see cref="Pages"/> and signs their manifest, the entries computed from the files on disk.</summary>
    public async Task<MirrorManifest> WriteAsync()
    {
        foreach (var (path, content) in Pages)
        {
            Write(path, content);
        }

        var entries = await MirrorManifest.HashFolderAsync(Folder, CancellationToken.None);
        return await MirrorManifest.WriteAsync(Folder, Info, entries, Key, CancellationToken.None);
    }

    public static MirrorManifestInfo Info { get; } =
        new("NewsPortal", "https://news.example.org/", ["en", "ru"], new DateTime(2026, 11, 29, 9, 12, 0, 345, DateTimeKind.Utc));

    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
    }

    public string PathOf(string relativePath) => Path.Combine(Folder, relativePath);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
