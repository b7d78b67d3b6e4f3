namespace NewsPortal.Web.Domain;

/// <summary>
/// One short, timestamped post of a live coverage: text, an optional picture and quote card, and its sources.
/// It can be pinned as a key update, corrected (the correction note is shown to readers) or removed (readers
/// see that an update was removed and why); nothing about it changes silently.
/// </summary>
public class LiveUpdate
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 20_000;
    public const int QuoteMaxLength = 1_000;
    public const int AttributionMaxLength = 200;
    public const int NoteMaxLength = 1_000;

    private LiveUpdate()
    {
    }

    public LiveUpdate(Article coverage, string authorId, string authorName, DateTime postedAt)
    {
        if (!coverage.IsLiveCoverage)
        {
            throw new InvalidOperationException("Updates are posted to live coverage only.");
        }

        if (coverage.CoverageEndedAt is not null)
        {
            throw new InvalidOperationException("The coverage has ended; reopen it to post.");
        }

        Article = coverage;
        ArticleId = coverage.Id;
        AuthorId = authorId;
        AuthorName = authorName;
        PostedAt = postedAt;
    }

    public long Id { get; private set; }

    public int ArticleId { get; private set; }

    public Article Article { get; private set; } = null!;

    public DateTime PostedAt { get; private set; }

    /// <summary>The account that posted it.</summary>
    public string? AuthorId { get; private set; }

    /// <summary>The name shown with the update.</summary>
    public string AuthorName { get; private set; } = "";

    /// <summary>An optional short headline; key updates are summarized by it.</summary>
    public string? Title { get; private set; }

    public string BodyMarkdown { get; private set; } = "";

    /// <summary>Sanitized HTML rendered from <see cref="BodyMarkdown"/> by the one renderer.</summary>
    public string BodyHtml { get; private set; } = "";

    public string BodyText { get; private set; } = "";

    public int? ImageId { get; private set; }

    public Image? Image { get; private set; }

    public string? QuoteText { get; private set; }

    public string? QuoteAttribution { get; private set; }

    /// <summary>A key update: summarized at the top of the coverage.</summary>
    public bool IsPinned { get; private set; }

    /// <summary>What a correction changed, shown to readers under the update.</summary>
    public string? CorrectionNote { get; private set; }

    public DateTime? CorrectedAt { get; private set; }

    public DateTime? RemovedAt { get; private set; }

    public string? RemovedBy { get; private set; }

    /// <summary>Why it was removed, shown to readers in its place.</summary>
    public string? RemovalReason { get; private set; }

    public List<LiveUpdateSource> Sources { get; private set; } = [];

    /// <summary>The people credited on the update, in byline order.</summary>
    public List<LiveUpdateContributor> Contributors { get; private set; } = [];

    /// <summary>Credits the people in byline order; a person appears at most once per role.</summary>
    public void SetContributors(IEnumerable<ContributorEntry> contributors)
    {
        if (RemovedAt is not null)
        {
            throw new InvalidOperationException("A removed update is never changed again.");
        }

        Contributors.Clear();
        Contributors.AddRange(contributors.DistinctBy(c => (c.PersonId, c.Role)).Select((c, order) => new LiveUpdateContributor(c.PersonId, c.Role, order)));
    }

    /// <summary>Optimistic concurrency token: two people correcting one update cannot overwrite each other.</summary>
    public int Version { get; private set; }

    public bool IsRemoved => RemovedAt is not null;

    /// <summary>Sets what the update says; used when it is posted and when it is corrected.</summary>
    public void Write(string? title, string markdown, RenderedBody rendered, string? quote, string? attribution)
    {
        if (IsRemoved)
        {
            throw new InvalidOperationException("A removed update is not changed.");
        }

        if (string.IsNullOrWhiteSpace(markdown) && string.IsNullOrWhiteSpace(quote))
        {
            throw new ArgumentException("An update has text or a quote.", nameof(markdown));
        }

        Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        BodyMarkdown = markdown;
        BodyHtml = rendered.Html;
        BodyText = rendered.Text;
        QuoteText = string.IsNullOrWhiteSpace(quote) ? null : quote.Trim();
        QuoteAttribution = QuoteText is null || string.IsNullOrWhiteSpace(attribution) ? null : attribution.Trim();
        Version++;
    }

    public void SetImage(Image? image)
    {
        Image = image;
        ImageId = image?.Id;
        Version++;
    }

    public void CreditSources(IEnumerable<Source> sources)
    {
        Sources.Clear();
        var order = 0;
        foreach (var source in sources.Distinct())
        {
            Sources.Add(new LiveUpdateSource(source, order++));
        }

        Version++;
    }

    /// <summary>Records a correction: readers see the note and the time under the corrected text.</summary>
    public void MarkCorrected(string note, DateTime at)
    {
        CorrectionNote = string.IsNullOrWhiteSpace(note) ? throw new ArgumentException("A correction says what changed.", nameof(note)) : note.Trim();
        CorrectedAt = at;
        Version++;
    }

    public void Pin(bool pinned)
    {
        if (IsRemoved && pinned)
        {
            throw new InvalidOperationException("A removed update is not pinned.");
        }

        IsPinned = pinned;
        Version++;
    }

    /// <summary>Takes the update down: its content is no longer shown, a note with the reason stays in its place.</summary>
    public void Remove(string reason, string by, DateTime at)
    {
        RemovalReason = string.IsNullOrWhiteSpace(reason) ? throw new ArgumentException("A removal says why.", nameof(reason)) : reason.Trim();
        RemovedBy = by;
        RemovedAt = at;
        IsPinned = false;
        Version++;
    }

    /// <summary>Sets the time as it was, for seeded or imported coverage.</summary>
    public void SetHistory(DateTime postedAt) => PostedAt = postedAt;
}

/// <summary>A source an update credits.</summary>
public class LiveUpdateSource
{
    private LiveUpdateSource()
    {
    }

    public LiveUpdateSource(Source source, int order)
    {
        Source = source;
        SourceId = source.Id;
        Order = order;
    }

    public long LiveUpdateId { get; private set; }

    public int SourceId { get; private set; }

    public Source Source { get; private set; } = null!;

    public int Order { get; private set; }
}
