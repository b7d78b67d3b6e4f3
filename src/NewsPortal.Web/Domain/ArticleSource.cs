namespace NewsPortal.Web.Domain;

/// <summary>What a source contributed to an article.</summary>
public enum SourceRole
{
    Reporting = 0,
    Photo = 1,
    Video = 2,
}

/// <summary>The link between an article and a source it credits, with the source's role.</summary>
public class ArticleSource
{
    private ArticleSource()
    {
    }

    public ArticleSource(Source source, SourceRole role, int order)
    {
        Source = source;
        SourceId = source.Id;
        Role = role;
        Order = order;
    }

    public int ArticleId { get; private set; }

    public int SourceId { get; private set; }

    public Source Source { get; private set; } = null!;

    public SourceRole Role { get; private set; }

    public int Order { get; private set; }
}
