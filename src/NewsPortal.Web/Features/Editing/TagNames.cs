using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Editing;

/// <summary>
/// The article form's Tags field: names separated by commas (the Latin comma or the Arabic-script "،"), read into
/// a list of tag names in the order typed, each kept once. A name is the same tag as another when they match
/// ignoring case, spacing and punctuation (<see cref="Key"/>), which is how a typed name finds an existing tag.
/// </summary>
public static class TagNames
{
    /// <summary>The most tags a story carries.</summary>
    public const int MaxTags = 10;

    /// <summary>The longest the field may be: every tag at its longest, with separators.</summary>
    public const int MaxFieldLength = MaxTags * (Tag.NameMaxLength + 2);

    private static readonly char[] Separators = [',', '،', '，'];

    /// <summary>The names typed, or why they cannot be tags (too many, too long, no letter or digit).</summary>
    public static (IReadOnlyList<string> Names, Notice? Problem) Parse(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return ([], null);
        }

        if (field.Length > MaxFieldLength)
        {
            return ([], new Notice("Problem.TagsTooMany", MaxTags));
        }

        var names = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in field.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = CollapseSpaces(part);
            if (name.Length > Tag.NameMaxLength)
            {
                return ([], new Notice("Problem.TagTooLong", Tag.NameMaxLength));
            }

            var key = Key(name);
            if (key.Length == 0)
            {
                return ([], new Notice("Problem.TagNeedsLetters", name));
            }

            if (keys.Add(key))
            {
                names.Add(name);
            }
        }

        return names.Count > MaxTags ? ([], new Notice("Problem.TagsTooMany", MaxTags)) : (names, null);
    }

    /// <summary>The field's text for a list of names.</summary>
    public static string Join(IEnumerable<string> names) => string.Join(", ", names);

    /// <summary>What makes two names one tag (<see cref="Tag.KeyOf"/>).</summary>
    public static string Key(string name) => Tag.KeyOf(name);

    private static string CollapseSpaces(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
