using System.Text;

namespace NewsPortal.Web.Domain;

/// <summary>A topic in one edition, named in its language: its page lists the stories tagged with it.</summary>
public class Tag
{
    public const int NameMaxLength = 80;

    private Tag()
    {
    }

    public Tag(int editionId, string name, SlugPolicy policy)
    {
        EditionId = editionId;
        Rename(name, policy);
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The tag page's address: <c>/{edition}/tag/{slug}</c>, unique in the edition.</summary>
    public string Slug { get; private set; } = "";

    /// <summary>Renames the tag; the address follows the name.</summary>
    public void Rename(string name, SlugPolicy policy)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A tag has a name.", nameof(name));
        }

        Name = name.Trim();
        Slug = Slugs.From(Name, policy);
    }

    /// <summary>
    /// What makes two names one tag: their letters and digits, lower-cased ("Selvan River" and "selvan-river!" are one
    /// tag; "Ёлка" and "Елка" are two, though both transliterate to "elka").
    /// </summary>
    public static string KeyOf(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var ch in name.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
        }

        return builder.ToString();
    }

    /// <summary>Gives the tag the address it had where it was exported from (a valid slug).</summary>
    public void RestoreSlug(string slug)
    {
        Slug = Slugs.IsValid(slug) ? slug : throw new ArgumentException($"'{slug}' is not a valid slug.", nameof(slug));
    }

    /// <summary>Gives the tag an address of its own when its name's slug is taken in the edition.</summary>
    public void DisambiguateSlug(int suffix)
    {
        var ending = $"-{suffix}";
        Slug = Slug[..Math.Min(Slug.Length, Slugs.MaxLength - ending.Length)].TrimEnd('-') + ending;
    }
}

/// <summary>A tag on an article, in the order the editor chose them.</summary>
public class ArticleTag
{
    private ArticleTag()
    {
    }

    public ArticleTag(int tagId, int order)
    {
        TagId = tagId;
        Order = order;
    }

    /// <summary>A tag on the article, which may be new in this save (its id not assigned yet).</summary>
    public ArticleTag(Tag tag, int order)
    {
        Tag = tag;
        TagId = tag.Id;
        Order = order;
    }

    public int ArticleId { get; private set; }

    public int TagId { get; private set; }

    public Tag Tag { get; private set; } = null!;

    public int Order { get; private set; }

    /// <summary>Moves the tag to another place in the article's list.</summary>
    internal void MoveTo(int order) => Order = order;
}

/// <summary>
/// A story shown as related on another's page: computed when either is published or changed, never per
/// request. <see cref="Rank"/> orders the list (0 first).
/// </summary>
public class RelatedArticle
{
    private RelatedArticle()
    {
    }

    public RelatedArticle(int articleId, int relatedId, int rank)
    {
        ArticleId = articleId;
        RelatedId = relatedId;
        Rank = rank;
    }

    public int ArticleId { get; private set; }

    public int RelatedId { get; private set; }

    public int Rank { get; private set; }
}

/// <summary>
/// How many times an article page was read in one hour, counted on the server: no cookie, no address,
/// nothing about the reader. Most-read lists sum the last 24 hours.
/// </summary>
public class ArticleReadCount
{
    private ArticleReadCount()
    {
    }

    public ArticleReadCount(int articleId, int editionId, DateTime hour, int count)
    {
        ArticleId = articleId;
        EditionId = editionId;
        Hour = hour;
        Count = count;
    }

    public int ArticleId { get; private set; }

    public int EditionId { get; private set; }

    /// <summary>The start of the hour (UTC) the reads fall in.</summary>
    public DateTime Hour { get; private set; }

    public int Count { get; set; }
}
