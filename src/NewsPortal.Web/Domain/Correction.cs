namespace NewsPortal.Web.Domain;

/// <summary>A dated public note on a published article that says what was wrong.</summary>
public class Correction
{
    private Correction()
    {
    }

    public Correction(string text, DateTime publishedAt)
    {
        Text = string.IsNullOrWhiteSpace(text) ? throw new ArgumentException("A correction says what was corrected.", nameof(text)) : text.Trim();
        PublishedAt = publishedAt;
    }

    public int Id { get; private set; }

    public int ArticleId { get; private set; }

    public Article Article { get; private set; } = null!;

    public string Text { get; private set; } = "";

    public DateTime PublishedAt { get; private set; }
}
