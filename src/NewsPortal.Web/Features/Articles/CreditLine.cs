using System.Globalization;
using Microsoft.Extensions.Localization;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Localization;

namespace NewsPortal.Web.Features.Articles;

/// <summary>A source credited on an article, named as the edition's readers know it.</summary>
public sealed record CreditedSource(string Code, string ShortName, string FullName, SourceKind Kind, SourceRole Role);

/// <summary>
/// "With reporting by AP, AFP, and TASS": generated from the article's sources, one sentence per role,
/// in the edition's words and joined as its language joins lists. Never typed by hand.
/// </summary>
public static class CreditLine
{
    public static IReadOnlyList<string> Sentences(IEnumerable<CreditedSource> sources, CultureInfo culture, IStringLocalizer localizer)
    {
        var sentences = new List<string>();
        foreach (var group in sources.GroupBy(s => s.Role).OrderBy(g => g.Key))
        {
            var names = group.Select(s => s.ShortName).Distinct().ToList();
            var key = group.Key switch
            {
                SourceRole.Photo => "CreditPhoto",
                SourceRole.Video => "CreditVideo",
                _ => "CreditReporting",
            };
            sentences.Add(localizer[key, ListFormatter.Join(names, culture)]);
        }

        return sentences;
    }
}
