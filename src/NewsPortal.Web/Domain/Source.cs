namespace NewsPortal.Web.Domain;

/// <summary>What kind of organisation a source is; shown to readers so they can weigh it.</summary>
public enum SourceKind
{
    WireAgency = 0,
    StateMedia = 1,
    Staff = 2,
    Broadcaster = 3,
    Newspaper = 4,
}

/// <summary>A news source credited on articles: a wire agency, state media or the newsroom itself.</summary>
public class Source
{
    private Source()
    {
    }

    public Source(string code, string shortName, string fullName, SourceKind kind, Uri? url)
    {
        Code = Slugs.IsValid(code) ? code : throw new ArgumentException($"'{code}' is not a valid source code.", nameof(code));
        ShortName = Require(shortName, nameof(shortName));
        FullName = Require(fullName, nameof(fullName));
        Kind = kind;
        Url = url is null || url.Scheme == Uri.UriSchemeHttps
            ? url?.ToString()
            : throw new ArgumentException("A source URL must use https.", nameof(url));
    }

    public int Id { get; private set; }

    /// <summary>The URL key, lower case (<c>ap</c>, <c>tass</c>).</summary>
    public string Code { get; private set; } = "";

    public string ShortName { get; private set; } = "";

    public string FullName { get; private set; } = "";

    public SourceKind Kind { get; private set; }

    public string? Url { get; private set; }

    /// <summary>Names the source goes by in other languages ("ТАСС", "Рейтер").</summary>
    public List<SourceLocalName> LocalNames { get; private set; } = [];

    /// <summary>A source's address is https, or there is none.</summary>
    public static bool IsAcceptableUrl(Uri? url) => url is null || url.Scheme == Uri.UriSchemeHttps;

    public void Update(string shortName, string fullName, SourceKind kind, Uri? url)
    {
        ShortName = Require(shortName, nameof(shortName));
        FullName = Require(fullName, nameof(fullName));
        Kind = kind;
        Url = url is null || url.Scheme == Uri.UriSchemeHttps
            ? url?.ToString()
            : throw new ArgumentException("A source URL must use https.", nameof(url));
    }

    public void SetLocalName(string language, string shortName, string? fullName)
    {
        LocalNames.RemoveAll(n => n.Language == language);
        LocalNames.Add(new SourceLocalName(language, shortName, fullName));
    }

    /// <summary>The short name readers of an edition know the source by.</summary>
    public string ShortNameIn(string language) =>
        LocalNames.FirstOrDefault(n => n.Language == language)?.ShortName ?? ShortName;

    public string FullNameIn(string language) =>
        LocalNames.FirstOrDefault(n => n.Language == language)?.FullName ?? FullName;

    private static string Require(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A value is required.", name) : value.Trim();
}

/// <summary>A source's name in one language.</summary>
public class SourceLocalName
{
    private SourceLocalName()
    {
    }

    public SourceLocalName(string language, string shortName, string? fullName)
    {
        Language = Edition.NormalizeCode(language);
        ShortName = shortName.Trim();
        FullName = string.IsNullOrWhiteSpace(fullName) ? null : fullName.Trim();
    }

    public string Language { get; private set; } = "";

    public string ShortName { get; private set; } = "";

    public string? FullName { get; private set; }
}
