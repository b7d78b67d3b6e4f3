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

    /// <summary>
    /// How long the files of a picture taken down (replaced, removed, re-cropped) stay in the private
    /// <c>taken-down</c> folder before they are deleted: a backup that began while the picture was still in use
    /// takes it from there. Longer than the longest backup; never served.
    /// </summary>
    [Range(1, 720)]
    public int TakenDownPictureHours { get; set; } = 24;
}

/// <summary>Absolute folders derived from <see cref="StorageOptions"/>, created on first use.</summary>
public sealed class StoragePaths
{
    public StoragePaths(string contentRoot, StorageOptions options)
    {
        DataDirectory = Path.GetFullPath(options.DataDirectory, contentRoot);
        MediaDirectory = Path.GetFullPath(options.MediaDirectory, DataDirectory);
        MastersDirectory = Path.GetFullPath(options.MastersDirectory, DataDirectory);
        TakenDownDirectory = Path.Combine(DataDirectory, "taken-down");
        TakenDownFor = TimeSpan.FromHours(options.TakenDownPictureHours);
        if (IsWithin(MastersDirectory, MediaDirectory) || IsWithin(MediaDirectory, MastersDirectory))
        {
            // Everything under the media folder is served to anyone; the masters must not be.
            throw new InvalidOperationException("Storage:MastersDirectory and Storage:MediaDirectory must be separate folders, neither inside the other.");
        }

        if (IsWithin(TakenDownDirectory, MediaDirectory))
        {
            throw new InvalidOperationException("Storage:MediaDirectory must not hold the data directory's taken-down folder: choose a folder of its own for media.");
        }

        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(MediaDirectory);
        Directory.CreateDirectory(MastersDirectory);
    }

    public string DataDirectory { get; }

    public string MediaDirectory { get; }

    /// <summary>Private folder of picture masters; not under <see cref="MediaDirectory"/>, never served.</summary>
    public string MastersDirectory { get; }

    /// <summary>Private folder where a taken-down picture's files wait <see cref="TakenDownFor"/> before deletion (media/ and masters/ inside).</summary>
    public string TakenDownDirectory { get; }

    public TimeSpan TakenDownFor { get; }

    /// <summary>
    /// A rendition (<paramref name="folder"/> <c>media</c>) or master (<c>masters</c>) named <paramref name="fileName"/>,
    /// in service or taken down; null when neither exists.
    /// </summary>
    public string? FindPictureFile(string folder, string fileName)
    {
        var inService = Path.Combine(folder == "masters" ? MastersDirectory : MediaDirectory, fileName);
        var takenDown = Path.Combine(TakenDownDirectory, folder, fileName);
        return File.Exists(inService) ? inService : File.Exists(takenDown) ? takenDown : null;
    }

    public string Resolve(string relativeOrAbsolute) => Path.GetFullPath(relativeOrAbsolute, DataDirectory);

    private static bool IsWithin(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || !(relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }
}
