namespace NewsPortal.Web.Domain;

/// <summary>An article body rendered from Markdown: sanitized HTML for pages, plain text for search.</summary>
public sealed record RenderedBody(string Html, string Text);

/// <summary>A story in one edition. Its id finds it; its slug only decorates the URL.</summary>
public class Article
{
    public const int HeadlineMaxLength = 200;
    public const int LeadMaxLength = 600;

    private Article()
    {
    }

    public Article(Edition edition, Section section, string headline, DateTime createdAt)
    {
        if (section.EditionId != edition.Id || (section.Edition is not null && section.Edition != edition))
        {
            throw new ArgumentException("The section belongs to another edition.", nameof(section));
        }

        Edition = edition;
        EditionId = edition.Id;
        Section = section;
        SectionId = section.Id;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        SetHeadline(headline, edition.SlugPolicy);
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public Edition Edition { get; private set; } = null!;

    public int SectionId { get; private set; }

    public Section Section { get; private set; } = null!;

    public string Headline { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public string Lead { get; set; } = "";

    public string BodyMarkdown { get; private set; } = "";

    /// <summary>Sanitized HTML rendered from <see cref="BodyMarkdown"/> when it was saved.</summary>
    public string BodyHtml { get; private set; } = "";

    /// <summary>The body as plain text, for the full-text index and search snippets.</summary>
    public string BodyText { get; private set; } = "";

    /// <summary>The account that created the article; writers may only edit their own drafts.</summary>
    public string? CreatedById { get; set; }

    public ArticleStatus Status { get; private set; } = ArticleStatus.Draft;

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public DateTime? ScheduledAt { get; private set; }

    /// <summary>While in the future, the article is its edition's breaking story.</summary>
    public DateTime? BreakingUntil { get; private set; }

    public int? LeadImageId { get; private set; }

    public Image? LeadImage { get; private set; }

    public int? TranslationGroupId { get; private set; }

    public TranslationGroup? TranslationGroup { get; private set; }

    public List<ArticleSource> Sources { get; private set; } = [];

    public List<Correction> Corrections { get; private set; } = [];

    /// <summary>The people credited on the story, in byline order.</summary>
    public List<ArticleContributor> Contributors { get; private set; } = [];

    /// <summary>The story's topics, in the order the editor chose them.</summary>
    public List<ArticleTag> Tags { get; private set; } = [];

    /// <summary>
    /// Edits to a live story that are not live yet: saved, revisioned and reviewable, but readers keep
    /// seeing the published fields until an editor updates the live article.
    /// </summary>
    public ArticleContent? PendingContent { get; private set; }

    public string? PendingSavedBy { get; private set; }

    public DateTime? PendingSavedAt { get; private set; }

    /// <summary>What an editor continues from: a live story's pending changes, otherwise its fields.</summary>
    public ArticleContent WorkingContent => PendingContent ?? ArticleContent.Of(this);

    /// <summary>True when the article is live coverage: a lead story followed by short, timestamped updates.</summary>
    public bool IsLiveCoverage { get; private set; }

    /// <summary>When the article became live coverage.</summary>
    public DateTime? CoverageStartedAt { get; private set; }

    /// <summary>When the editors closed the coverage; null while it is open.</summary>
    public DateTime? CoverageEndedAt { get; private set; }

    public List<LiveUpdate> LiveUpdates { get; private set; } = [];

    /// <summary>Open live coverage takes updates and shows the LIVE label once published.</summary>
    public bool IsCoverageOpen => IsLiveCoverage && CoverageEndedAt is null;

    /// <summary>Optimistic concurrency token: bumped on every change, checked on every save.</summary>
    public int Version { get; private set; }

    public bool IsPublishedAt(DateTime now) => IsPublishedAt(Status, PublishedAt, now);

    public bool IsBreakingAt(DateTime now) => IsBreakingAt(Status, PublishedAt, BreakingUntil, now);

    /// <summary>True when the article changed after it was first published.</summary>
    public bool WasUpdatedAfterPublishing => WasUpdatedAfterPublishingAt(PublishedAt, UpdatedAt);

    /// <summary>The rules above, for a page that reads the columns without loading the article.</summary>
    public static bool IsPublishedAt(ArticleStatus status, DateTime? publishedAt, DateTime now) =>
        status == ArticleStatus.Published && publishedAt <= now;

    public static bool IsBreakingAt(ArticleStatus status, DateTime? publishedAt, DateTime? breakingUntil, DateTime now) =>
        IsPublishedAt(status, publishedAt, now) && breakingUntil > now;

    public static bool WasUpdatedAfterPublishingAt(DateTime? publishedAt, DateTime updatedAt) =>
        publishedAt is { } published && updatedAt > published.AddMinutes(1);

    public void SetHeadline(string headline, SlugPolicy policy)
    {
        if (string.IsNullOrWhiteSpace(headline))
        {
            throw new ArgumentException("An article has a headline.", nameof(headline));
        }

        Headline = headline.Trim();
        Slug = Slugs.From(Headline, policy);
        Touch();
    }

    /// <summary>Stores the editor's Markdown together with what was rendered from it.</summary>
    public void SetBody(string markdown, RenderedBody rendered)
    {
        BodyMarkdown = markdown;
        BodyHtml = rendered.Html;
        BodyText = rendered.Text;
        Touch();
    }

    /// <summary>Replaces the generated slug with an editor's own, which must be a valid slug.</summary>
    public void SetSlug(string slug)
    {
        if (!Slugs.IsValid(slug))
        {
            throw new ArgumentException($"'{slug}' is not a valid slug: lower-case letters and digits joined by single hyphens.", nameof(slug));
        }

        Slug = slug;
        Touch();
    }

    /// <summary>Credits the people in byline order; a person appears at most once per role.</summary>
    public void SetContributors(IEnumerable<ContributorEntry> contributors)
    {
        var wanted = contributors.DistinctBy(c => (c.PersonId, c.Role)).ToList();
        var unchanged = wanted.Count == Contributors.Count
            && wanted.Zip(Contributors.OrderBy(c => c.Order)).All(pair => pair.First.PersonId == pair.Second.PersonId && pair.First.Role == pair.Second.Role);
        if (unchanged)
        {
            return;
        }

        Contributors.Clear();
        Contributors.AddRange(wanted.Select((c, order) => new ArticleContributor(c.PersonId, c.Role, order)));
        Touch();
    }

    public void MoveTo(Section section)
    {
        if (section.EditionId != EditionId)
        {
            throw new ArgumentException("The section belongs to another edition.", nameof(section));
        }

        Section = section;
        SectionId = section.Id;
        Touch();
    }

    /// <summary>Makes the article live coverage, open for updates (or reopens ended coverage).</summary>
    public void StartCoverage(DateTime now)
    {
        if (IsCoverageOpen)
        {
            throw new InvalidOperationException("The coverage is already open.");
        }

        IsLiveCoverage = true;
        CoverageStartedAt ??= now;
        CoverageEndedAt = null;
        Touch();
    }

    /// <summary>Closes the coverage: readers see "Coverage ended" and no more updates are posted.</summary>
    public void EndCoverage(DateTime now)
    {
        if (!IsCoverageOpen)
        {
            throw new InvalidOperationException("Only open coverage can end.");
        }

        CoverageEndedAt = now;
        Touch();
    }

    /// <summary>Sets the coverage times as they were, for seeded or imported coverage.</summary>
    public void SetCoverageHistory(DateTime startedAt, DateTime? endedAt)
    {
        IsLiveCoverage = true;
        CoverageStartedAt = startedAt;
        CoverageEndedAt = endedAt;
    }

    /// <summary>Records an edit: bumps the version and the update time.</summary>
    public void Edited(DateTime now)
    {
        UpdatedAt = now;
        Touch();
    }

    public void ReplaceSources(IEnumerable<(Source Source, SourceRole Role)> credits)
    {
        Sources.Clear();
        foreach (var (source, role) in credits)
        {
            Credit(source, role);
        }

        Touch();
    }

    /// <summary>
    /// Makes <paramref name="tags"/> the story's topics, in that order: tags it keeps stay (reordered), the others go.
    /// The caller resolves the names to the edition's tags (<see cref="Tag"/>).
    /// </summary>
    public void ReplaceTags(IReadOnlyList<Tag> tags)
    {
        if (tags.Any(t => t.EditionId != EditionId))
        {
            throw new ArgumentException("A tag belongs to another edition.", nameof(tags));
        }

        Tags.RemoveAll(kept => !tags.Any(t => ReferenceEquals(t, kept.Tag) || (t.Id != 0 && t.Id == kept.TagId)));
        for (var order = 0; order < tags.Count; order++)
        {
            var tag = tags[order];
            if (Tags.Find(kept => ReferenceEquals(tag, kept.Tag) || (tag.Id != 0 && tag.Id == kept.TagId)) is { } existing)
            {
                existing.MoveTo(order);
            }
            else
            {
                Tags.Add(new ArticleTag(tag, order));
            }
        }

        Touch();
    }

    public void SubmitForReview()
    {
        if (Status is not (ArticleStatus.Draft or ArticleStatus.Unpublished))
        {
            throw new InvalidOperationException("Only a draft can be submitted for review.");
        }

        Status = ArticleStatus.InReview;
        Touch();
    }

    /// <summary>Schedules publication at <paramref name="at"/>; the scheduler publishes it when due.</summary>
    public void Schedule(DateTime at, DateTime now)
    {
        if (at <= now)
        {
            throw new InvalidOperationException("A scheduled time lies in the future.");
        }

        Status = ArticleStatus.Scheduled;
        ScheduledAt = at;
        Touch();
    }

    public bool IsDueAt(DateTime now) => Status == ArticleStatus.Scheduled && ScheduledAt <= now;

    public void Unpublish()
    {
        if (Status is not (ArticleStatus.Published or ArticleStatus.Scheduled))
        {
            throw new InvalidOperationException("Only a published or scheduled article can be unpublished.");
        }

        Status = ArticleStatus.Unpublished;
        ScheduledAt = null;
        Touch();
    }

    public void ReturnToDraft()
    {
        Status = ArticleStatus.Draft;
        ScheduledAt = null;
        Touch();
    }

    /// <summary>
    /// Makes <paramref name="content"/> the article's fields. The caller resolves the section, credited
    /// sources and picture the content names, and renders the body when it changed.
    /// </summary>
    public void Apply(ArticleContent content, Section section, IEnumerable<(Source Source, SourceRole Role)> credits, Image? leadImage, RenderedBody? renderedBody)
    {
        if (section.Id != SectionId)
        {
            MoveTo(section);
        }

        if (string.IsNullOrWhiteSpace(content.Headline))
        {
            throw new ArgumentException("An article has a headline.", nameof(content));
        }

        Headline = content.Headline.Trim();
        if (content.Slug != Slug)
        {
            SetSlug(content.Slug);
        }

        Lead = content.Lead.Trim();
        SetContributors(content.Contributors);
        if (renderedBody is not null)
        {
            SetBody(content.BodyMarkdown, renderedBody);
        }

        ReplaceSources(credits);
        if (leadImage?.Id != LeadImageId || !ReferenceEquals(leadImage, LeadImage))
        {
            SetLeadImage(leadImage);
        }

        if (leadImage is not null)
        {
            leadImage.Describe(content.AltText, content.ImageIsDecorative);
            leadImage.Caption = string.IsNullOrWhiteSpace(content.Caption) ? null : content.Caption.Trim();
            leadImage.Credit = string.IsNullOrWhiteSpace(content.PictureCredit) ? null : content.PictureCredit.Trim();
        }

        MarkBreakingUntil(content.BreakingUntil);
        Touch();
    }

    /// <summary>Keeps edits to a live story aside until an editor puts them live.</summary>
    public void KeepPending(ArticleContent content, string savedBy, DateTime now)
    {
        if (Status != ArticleStatus.Published)
        {
            throw new InvalidOperationException("Only a published article keeps pending changes; edit any other article directly.");
        }

        PendingContent = content;
        PendingSavedBy = savedBy;
        PendingSavedAt = now;
        Touch();
    }

    /// <summary>Drops the pending changes (they stay in the revisions).</summary>
    public void DiscardPending()
    {
        PendingContent = null;
        PendingSavedBy = null;
        PendingSavedAt = null;
        Touch();
    }

    public void SetLeadImage(Image? image)
    {
        LeadImage = image;
        LeadImageId = image?.Id;
        Touch();
    }

    public void Credit(Source source, SourceRole role)
    {
        if (Sources.Any(s => s.Source == source && s.Role == role))
        {
            return;
        }

        Sources.Add(new ArticleSource(source, role, Sources.Count));
        Touch();
    }

    public void JoinTranslationGroup(TranslationGroup group)
    {
        TranslationGroup = group;
        TranslationGroupId = group.Id;
    }

    public void MarkBreakingUntil(DateTime? until)
    {
        BreakingUntil = until;
        Touch();
    }

    public void Publish(DateTime now)
    {
        if (LeadImage is { HasTextAlternative: false })
        {
            throw new InvalidOperationException("The lead image needs alt text, or to be marked decorative, before the article is published.");
        }

        Status = ArticleStatus.Published;
        PublishedAt ??= ScheduledAt is { } scheduled && scheduled <= now ? scheduled : now;
        ScheduledAt = null;
        Touch();
    }

    public void AddCorrection(string text, DateTime now)
    {
        if (Status != ArticleStatus.Published)
        {
            throw new InvalidOperationException("Only a published article carries corrections.");
        }

        Corrections.Add(new Correction(text, now));
        Touch();
    }

    /// <summary>Sets the publication and update times as they were, for imported or seeded stories.</summary>
    public void SetHistory(DateTime publishedAt, DateTime updatedAt)
    {
        PublishedAt = publishedAt;
        CreatedAt = publishedAt < CreatedAt ? publishedAt : CreatedAt;
        UpdatedAt = updatedAt < publishedAt ? publishedAt : updatedAt;
        Version++;
    }

    /// <summary>The times exactly as an exported archive recorded them (an imported story keeps its own history).</summary>
    public void RestoreHistory(DateTime createdAt, DateTime? publishedAt, DateTime updatedAt)
    {
        CreatedAt = createdAt;
        PublishedAt = publishedAt;
        UpdatedAt = updatedAt;
        Touch();
    }

    private void Touch() => Version++;
}
