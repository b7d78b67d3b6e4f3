using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Settings;

/// <summary>The <c>FileLog</c> section: the rolling log file, relative to the data directory.</summary>
public sealed class FileLogOptions
{
    public const string SectionName = "FileLog";

    public bool Enabled { get; set; } = true;

    [Required]
    public string Path { get; set; } = "logs/newsportal-.log";

    [Range(1, 365)]
    public int RetainedFileCountLimit { get; set; } = 14;

    [Range(1024, long.MaxValue)]
    public long FileSizeLimitBytes { get; set; } = 50 * 1024 * 1024;
}
