namespace NewsPortal.Web.Domain;

/// <summary>A saved version of an article: every save keeps one, so any earlier text can be compared and restored.</summary>
public class ArticleRevision
{
    private ArticleRevision()
    {
    }

    public ArticleRevision(Article article, string savedBy, DateTime savedAt)
    {
        ArticleId = article.Id;
        Article = article;
        Headline = article.Headline;
        Lead = article.Lead;
        BodyMarkdown = article.BodyMarkdown;
        SavedBy = savedBy;
        SavedAt = savedAt;
        Version = article.Version;
    }

    public long Id { get; private set; }

    public int ArticleId { get; private set; }

    public Article Article { get; private set; } = null!;

    public string Headline { get; private set; } = "";

    public string Lead { get; private set; } = "";

    public string BodyMarkdown { get; private set; } = "";

    public string SavedBy { get; private set; } = "";

    public DateTime SavedAt { get; private set; }

    /// <summary>The article's version when this revision was saved.</summary>
    public int Version { get; private set; }
}
