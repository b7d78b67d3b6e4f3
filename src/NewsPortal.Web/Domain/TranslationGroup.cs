namespace NewsPortal.Web.Domain;

/// <summary>Articles that tell one story in several editions; drives the language switcher and hreflang.</summary>
public class TranslationGroup
{
    public int Id { get; private set; }

    public List<Article> Articles { get; private set; } = [];
}
