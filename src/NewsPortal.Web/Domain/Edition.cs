namespace NewsPortal.Web.Domain;

/// <summary>Text direction of an edition's language.</summary>
public enum TextDirection
{
    Ltr = 0,
    Rtl = 1,
}

/// <summary>How article slugs are made from headlines in an edition.</summary>
public enum SlugPolicy
{
    /// <summary>Transliterate to Latin letters (Cyrillic "Бездомный" becomes "bezdomnyy").</summary>
    Transliterate = 0,

    /// <summary>Keep the letters of the edition's own script.</summary>
    Native = 1,
}

/// <summary>A language edition of the portal: its code is the URL prefix and the page's <c>lang</c>.</summary>
public class Edition
{
    private Edition()
    {
    }

    public Edition(string code, string nativeName, string englishName, TextDirection direction, IEnumerable<string> countries, SlugPolicy slugPolicy)
    {
        Code = NormalizeCode(code);
        NativeName = Require(nativeName, nameof(nativeName));
        EnglishName = Require(englishName, nameof(englishName));
        Direction = direction;
        SlugPolicy = slugPolicy;
        SetCountries(countries);
    }

    public int Id { get; private set; }

    /// <summary>BCP 47 language tag, lower case (<c>en</c>, <c>fa</c>, <c>pt-br</c>).</summary>
    public string Code { get; private set; } = "";

    public string NativeName { get; private set; } = "";

    public string EnglishName { get; private set; } = "";

    public TextDirection Direction { get; private set; }

    public SlugPolicy SlugPolicy { get; private set; }

    /// <summary>ISO 3166-1 alpha-2 codes of the countries the edition serves.</summary>
    public List<string> Countries { get; private set; } = [];

    public bool IsDefault { get; private set; }

    public int SortOrder { get; set; }

    public List<Section> Sections { get; private set; } = [];

    /// <summary>The value of the <c>dir</c> attribute.</summary>
    public string Dir => DirOf(Direction);

    public static string DirOf(TextDirection direction) => direction == TextDirection.Rtl ? "rtl" : "ltr";

    public void Rename(string nativeName, string englishName)
    {
        NativeName = Require(nativeName, nameof(nativeName));
        EnglishName = Require(englishName, nameof(englishName));
    }

    public void MakeDefault() => IsDefault = true;

    public void ClearDefault() => IsDefault = false;

    /// <summary>The ISO 3166-1 alpha-2 codes among <paramref name="countries"/>, upper case, each once.</summary>
    public static List<string> CountryCodes(IEnumerable<string> countries) => countries
        .Select(c => c.Trim().ToUpperInvariant())
        .Where(c => c.Length == 2 && c.All(char.IsAsciiLetterUpper))
        .Distinct()
        .ToList();

    public void SetCountries(IEnumerable<string> countries)
    {
        var list = CountryCodes(countries);
        if (list.Count == 0)
        {
            throw new ArgumentException("An edition serves at least one country (ISO 3166-1 alpha-2 code).", nameof(countries));
        }

        Countries = list;
    }

    public static string NormalizeCode(string code)
    {
        var normalized = Require(code, nameof(code)).Trim().ToLowerInvariant();
        if (!IsWellFormedCode(normalized))
        {
            throw new ArgumentException($"'{code}' is not a BCP 47 language tag.", nameof(code));
        }

        return normalized;
    }

    /// <summary>A cheap shape check used before any lookup: 2–3 letters, optional subtags.</summary>
    public static bool IsWellFormedCode(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 15)
        {
            return false;
        }

        var parts = code.Split('-');
        if (parts[0].Length is < 2 or > 3 || !parts[0].All(char.IsAsciiLetter))
        {
            return false;
        }

        return parts.Skip(1).All(p => p.Length is >= 2 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
    }

    private static string Require(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A value is required.", name) : value.Trim();
}
