namespace NewsPortal.Web.Domain;

/// <summary>A navigation section of one edition ("World", "Мир").</summary>
public class Section
{
    private Section()
    {
    }

    public Section(Edition edition, string name, string slug, int order)
    {
        Edition = edition;
        EditionId = edition.Id;
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A section has a name.", nameof(name)) : name.Trim();
        Slug = Slugs.IsValid(slug) ? slug : throw new ArgumentException($"'{slug}' is not a valid slug.", nameof(slug));
        Order = order;
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public Edition Edition { get; private set; } = null!;

    public string Name { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public int Order { get; private set; }

    public void Rename(string name) =>
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A section has a name.", nameof(name)) : name.Trim();
}
