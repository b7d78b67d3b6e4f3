using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsPortal.Web.Features.Mirror;

/// <summary>
/// What the last build of a copy wrote, kept in the data directory (never in the copy, which is published as it is):
/// every file with the site address it came from, its hash and size, the reader-cache tags of what a page shows (an
/// update renders again exactly the pages whose tags a save evicted) and the pictures and stylesheet a page uses (a
/// picture no page uses any more leaves the copy).
/// </summary>
public sealed class MirrorState
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public List<string> Editions { get; set; } = [];

    public DateTime BuiltAt { get; set; }

    public Dictionary<string, MirrorFileState> Files { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The state file of a copy: one per folder, named by a hash of the folder's full path.</summary>
    public static string PathFor(string dataDirectory, string folder)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(folder))))[..16];
        return Path.Combine(dataDirectory, "mirror-state", key + ".json");
    }

    public static async Task<MirrorState?> LoadAsync(string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(file);
            return await JsonSerializer.DeserializeAsync<MirrorState>(stream, Json, cancellationToken);
        }
        catch (JsonException)
        {
            // A damaged state only costs a full build.
            return null;
        }
    }

    public async Task SaveAsync(string file, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);
        }

        File.Move(temporary, file, overwrite: true);
    }
}

/// <summary>One file of a copy: the site address it was rendered from, hash, size, tags and the files a page uses.</summary>
public sealed class MirrorFileState
{
    [JsonPropertyName("p")]
    public string Path { get; set; } = "";

    [JsonPropertyName("n")]
    public int Page { get; set; } = 1;

    [JsonPropertyName("h")]
    public string Sha256 { get; set; } = "";

    [JsonPropertyName("b")]
    public long Bytes { get; set; }

    [JsonPropertyName("t")]
    public string[]? Tags { get; set; }

    [JsonPropertyName("u")]
    public string[]? Uses { get; set; }
}
