using NewsPortal.Web.Features.Editions;
using NewsPortal.Web.Features.Mirror;

namespace NewsPortal.Web.Areas.Editor.Models;

/// <summary>The mirror page: the kept copy's folder (null: none configured), the job, the editions and the zips made.</summary>
public sealed record MirrorPage(string? Folder, MirrorJobStatus Status, IReadOnlyList<EditionView> Editions, IReadOnlyList<MirrorZip> Zips);

/// <summary>A zip of one edition ready for download.</summary>
public sealed record MirrorZip(string Edition, long Bytes, DateTime MadeAt);
