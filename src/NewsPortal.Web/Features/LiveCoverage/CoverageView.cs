using NewsPortal.Web.Features.Articles;

namespace NewsPortal.Web.Features.LiveCoverage;

/// <summary>One update as readers see it; a removed update keeps only its time and the reason it was removed.</summary>
public sealed record LiveUpdateView(
    long Id,
    DateTime PostedAt,
    IReadOnlyList<People.PersonCredit> Contributors,
    string? Title,
    string BodyHtml,
    string BodyText,
    ImageView? Image,
    string? QuoteText,
    string? QuoteAttribution,
    bool IsPinned,
    string? CorrectionNote,
    DateTime? CorrectedAt,
    DateTime? RemovedAt,
    string? RemovalReason,
    IReadOnlyList<CreditedSource> Sources)
{
    public bool IsRemoved => RemovedAt is not null;

    /// <summary>The fragment id of the update on a coverage page (<c>#update-42</c>).</summary>
    public string Anchor => Anchors.For(Id);

    /// <summary>What a key update is listed as: its title, or the start of its text.</summary>
    public string Summary => Title ?? Anchors.Shorten(BodyText.Length > 0 ? BodyText : QuoteText ?? "", 160);
}

/// <summary>A pinned update, listed above the coverage.</summary>
public sealed record KeyUpdateView(long Id, DateTime PostedAt, string Summary)
{
    public string Anchor => Anchors.For(Id);
}

/// <summary>
/// The part of a live-coverage page below the lead story: whether the coverage is open, the key updates, and one
/// page of updates, newest first. The first page is the newest; <see cref="UpTo"/> names the newest update of an
/// earlier page (the update's permanent address), <see cref="EarlierFrom"/> the first update of the next older page.
/// </summary>
public sealed record CoverageView(
    bool IsOpen,
    DateTime StartedAt,
    DateTime? EndedAt,
    int UpdateCount,
    DateTime? LastPostedAt,
    IReadOnlyList<KeyUpdateView> KeyUpdates,
    IReadOnlyList<LiveUpdateView> Updates,
    long? UpTo,
    long? EarlierFrom)
{
    public bool IsNewestPage => UpTo is null;

    /// <summary>On the newest page, the newest update ever posted (removed ones included): where the "new updates" check starts.</summary>
    public long NewestId { get; init; }
}

public static class Anchors
{
    public static string For(long updateId) => "update-" + updateId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The text cut at a word boundary, with an ellipsis when something was cut.</summary>
    public static string Shorten(string text, int max)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)].TrimEnd(',', ';', ':', '.', ' ') + "…";
    }
}

/// <summary>What an update needs to link to itself: its coverage's edition, slug and id.</summary>
public sealed record LiveUpdateLinks(Editions.EditionView Edition, string Slug, int ArticleId);

/// <summary>The updates a reader's "new updates" notice loads, with the text of the notice in the edition's language.</summary>
public sealed record NewUpdatesFragment(LiveUpdateLinks Links, IReadOnlyList<LiveUpdateView> Updates, bool More, long NewestId);
