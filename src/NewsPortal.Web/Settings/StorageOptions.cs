using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Settings;

/// <summary>
/// The <c>Storage</c> section: where the database, uploaded media and log files live.
/// Relative paths resolve against the content root.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    [Required]
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>Media folder, relative to <see cref="DataDirectory"/> unless absolute. Never under wwwroot.</summary>
    [Required]
    public string MediaDirectory { get; set; } = "media";

    /// <summary>
    /// Where the re-encoded master copy of every uploaded picture is kept, relative to <see cref="DataDirectory"/>
    /// unless absolute. Never served: renditions are cut from it again when the focal point changes.
    /// </summary>
    [Required]
    public string MastersDirectory { get; set; } = "masters";
}

/// <summary>Absolute folders derived from <see cref="StorageOptions"/>, created on first use.</summary>
public sealed class StoragePaths
{
    public StoragePaths(string contentRoot, StorageOptions options)
    {
        DataDirectory = Path.GetFullPath(options.DataDirectory, contentRoot);
        MediaDirectory = Path.GetFullPath(options.MediaDirectory, DataDirectory);
        MastersDirectory = Path.GetFullPath(options.MastersDirectory, DataDirectory);
        if (IsWithin(MastersDirectory, MediaDirectory) || IsWithin(MediaDirectory, MastersDirectory))
        {
            // Everything under the media folder is served to anyone; the masters must not be.
            throw new InvalidOperationException("Storage:MastersDirectory and Storage:MediaDirectory must be separate folders, neither inside the other.");
        }

        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(MediaDirectory);
        Directory.CreateDirectory(MastersDirectory);
    }

    public string DataDirectory { get; }

    public string MediaDirectory { get; }

    /// <summary>Private folder of picture masters; not under <see cref="MediaDirectory"/>, never served.</summary>
    public string MastersDirectory { get; }

    public string Resolve(string relativeOrAbsolute) => Path.GetFullPath(relativeOrAbsolute, DataDirectory);

    private static bool IsWithin(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || !(relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }
}
