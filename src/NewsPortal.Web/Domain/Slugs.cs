using System.Globalization;
using System.Text;
using AnyAscii;

namespace NewsPortal.Web.Domain;

/// <summary>Makes URL slugs from headlines, following an edition's <see cref="SlugPolicy"/>.</summary>
public static class Slugs
{
    public const int MaxLength = 80;

    /// <summary>
    /// Lower-case words joined by hyphens. <see cref="SlugPolicy.Transliterate"/> romanizes first
    /// (AnyAscii); <see cref="SlugPolicy.Native"/> keeps letters of any script. Never empty:
    /// a headline with no letters or digits gives "article".
    /// </summary>
    public static string From(string text, SlugPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = policy == SlugPolicy.Transliterate
            ? text.Normalize(NormalizationForm.FormC).Transliterate()
            : text.Normalize(NormalizationForm.FormC);

        var builder = new StringBuilder(source.Length);
        var pendingHyphen = false;
        foreach (var ch in source)
        {
            if (IsSlugCharacter(ch, policy))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingHyphen = false;
                builder.Append(char.ToLowerInvariant(ch));
            }
            else if (ch != '\'' && ch != '’')
            {
                pendingHyphen = true;
            }
        }

        var slug = Truncate(builder.ToString());
        return slug.Length == 0 ? "article" : slug;
    }

    /// <summary>True when <paramref name="slug"/> is a slug this class could have produced.</summary>
    public static bool IsValid(string? slug)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > MaxLength || slug[0] == '-' || slug[^1] == '-' || slug.Contains("--", StringComparison.Ordinal))
        {
            return false;
        }

        return slug.All(ch => ch == '-' || (IsSlugCharacter(ch, SlugPolicy.Native) && !char.IsUpper(ch)));
    }

    private static bool IsSlugCharacter(char ch, SlugPolicy policy) => policy == SlugPolicy.Transliterate
        ? char.IsAsciiLetterOrDigit(ch)
        : char.IsLetterOrDigit(ch) || CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static string Truncate(string slug)
    {
        if (slug.Length <= MaxLength)
        {
            return slug;
        }

        var cut = slug[..MaxLength];
        var lastHyphen = cut.LastIndexOf('-');
        return (lastHyphen > MaxLength / 2 ? cut[..lastHyphen] : cut).Trim('-');
    }
}
