using System.ComponentModel.DataAnnotations;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.LiveCoverage;

/// <summary>What the "post update" and "correct update" forms send.</summary>
public sealed class LiveUpdateForm
{
    [StringLength(LiveUpdate.TitleMaxLength)]
    public string? Title { get; set; }

    [StringLength(LiveUpdate.BodyMaxLength)]
    public string? Body { get; set; }

    [StringLength(LiveUpdate.QuoteMaxLength)]
    public string? Quote { get; set; }

    [StringLength(LiveUpdate.AttributionMaxLength)]
    public string? QuoteBy { get; set; }

    [StringLength(500)]
    public string? AltText { get; set; }

    public bool ImageIsDecorative { get; set; }

    [StringLength(500)]
    public string? Caption { get; set; }

    [StringLength(200)]
    public string? Credit { get; set; }

    /// <summary>Drop the update's picture (corrections only).</summary>
    public bool RemoveImage { get; set; }

    /// <summary>The codes of the sources the update credits.</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>The people credited on a new update, in byline order; none: the person the poster's account writes as.</summary>
    public List<Editing.ContributorCredit> Contributors { get; set; } = [];

    /// <summary>Post it as a key update.</summary>
    public bool Pin { get; set; }

    /// <summary>What a correction changed: required to correct, shown to readers.</summary>
    [StringLength(LiveUpdate.NoteMaxLength)]
    public string? CorrectionNote { get; set; }

    /// <summary>The update's version when the correction form was opened.</summary>
    public int Version { get; set; }

    /// <summary>The body with line endings as stored.</summary>
    public string Markdown => (Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

public enum LiveDeskOutcome
{
    Done = 0,
    Invalid = 1,
    NotFound = 2,

    /// <summary>The coverage is not open, or someone changed the update since the form was opened.</summary>
    Conflict = 3,

    /// <summary>The picture is over the size limit.</summary>
    TooLarge = 4,

    /// <summary>Nothing could be stored (disk full, database read-only): the text is shown again.</summary>
    Unavailable = 5,
}

public sealed record LiveDeskResult(LiveDeskOutcome Outcome, IReadOnlyList<Notice> Problems, long? UpdateId = null)
{
    public static LiveDeskResult Done(long? updateId = null) => new(LiveDeskOutcome.Done, [], updateId);

    public static LiveDeskResult Fail(LiveDeskOutcome outcome, params Notice[] problems) => new(outcome, problems);
}
