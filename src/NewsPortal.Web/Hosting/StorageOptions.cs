using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Hosting;

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
}

/// <summary>Absolute folders derived from <see cref="StorageOptions"/>, created on first use.</summary>
public sealed class StoragePaths
{
    public StoragePaths(string contentRoot, StorageOptions options)
    {
        DataDirectory = Path.GetFullPath(options.DataDirectory, contentRoot);
        MediaDirectory = Path.GetFullPath(options.MediaDirectory, DataDirectory);
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(MediaDirectory);
    }

    public string DataDirectory { get; }

    public string MediaDirectory { get; }

    public string Resolve(string relativeOrAbsolute) => Path.GetFullPath(relativeOrAbsolute, DataDirectory);
}
