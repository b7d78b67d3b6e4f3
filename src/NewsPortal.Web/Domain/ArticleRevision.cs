namespace NewsPortal.Web.Domain;

/// <summary>
/// A saved version of an article: every save keeps one, with every field an editor can change, so any
/// earlier version can be compared and restored whole. Revisions saved before the fields were kept
/// (<see cref="Content"/> empty) hold the headline, lead and body only.
/// </summary>
public class ArticleRevision
{
    private ArticleRevision()
    {
    }

    /// <param name="article">The article (its id may not be assigned yet).</param>
    /// <param name="content">What was saved: the live fields, or the pending changes of a live story.</param>
    /// <param name="pending">True when the save kept changes to a live story aside instead of publishing them.</param>
    /// <param name="setAside">True when the text was saved by someone whose editing a colleague had taken over: kept, never applied.</param>
    public ArticleRevision(Article article, ArticleContent content, string savedBy, DateTime savedAt, bool pending = false, bool setAside = false)
    {
        ArticleId = article.Id;
        Article = article;
        Content = content;
        Headline = content.Headline;
        Lead = content.Lead;
        BodyMarkdown = content.BodyMarkdown;
        SavedBy = savedBy;
        SavedAt = savedAt;
        Version = article.Version;
        IsPending = pending;
        IsSetAside = setAside;
    }

    /// <summary>A revision of the article's live fields as they are now.</summary>
    public ArticleRevision(Article article, string savedBy, DateTime savedAt)
        : this(article, ArticleContent.Of(article), savedBy, savedAt)
    {
    }

    public long Id { get; private set; }

    public int ArticleId { get; private set; }

    public Article Article { get; private set; } = null!;

    public string Headline { get; private set; } = "";

    public string Lead { get; private set; } = "";

    public string BodyMarkdown { get; private set; } = "";

    /// <summary>Every editable field as saved; null for revisions from before fields were kept.</summary>
    public ArticleContent? Content { get; private set; }

    /// <summary>True when this save was kept as pending changes to a live story.</summary>
    public bool IsPending { get; private set; }

    /// <summary>
    /// True when this is the text of someone whose editing a colleague took over: it was kept so that nothing they
    /// typed is lost, but it never became the article's (or its pending) text.
    /// </summary>
    public bool IsSetAside { get; private set; }

    public string SavedBy { get; private set; } = "";

    public DateTime SavedAt { get; private set; }

    /// <summary>The article's version when this revision was saved.</summary>
    public int Version { get; private set; }

    /// <summary>Records the article's final version of the save this revision belongs to (commands after the edit bump it further).</summary>
    public void StampVersion(int version) => Version = version;

    /// <summary>The fields this revision brings back onto <paramref name="current"/>: all of them, or the text of an old revision.</summary>
    public ArticleContent RestoreOnto(ArticleContent current) =>
        Content ?? current with { Headline = Headline, Lead = Lead, BodyMarkdown = BodyMarkdown };
}
