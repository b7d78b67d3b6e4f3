using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Tags;

namespace NewsPortal.Web.Features.Search;

/// <summary>
/// The edition's tags a search names, listed above the stories found: a tag matches when every word searched for
/// begins a word of its name, regardless of case and accents. Only tags with a visible story are offered (another
/// tag page would be empty). The edition's tags are read in one short query and matched here, the same on every
/// database: an edition has hundreds or a few thousand tags, and SQLite's LIKE would ignore only ASCII case.
/// </summary>
public sealed class FindTags(NewsPortalDbContext db, TimeProvider time)
{
    /// <summary>The most tags the results page lists.</summary>
    public const int MaxTags = 10;

    public async Task<IReadOnlyList<TagLink>> ExecuteAsync(int editionId, IReadOnlyList<SearchTerm> terms, CultureInfo culture, CancellationToken cancellationToken)
    {
        var searched = terms.SelectMany(t => t.Words).Select(Fold).Where(w => w.Length > 0).Distinct().ToList();
        if (searched.Count == 0)
        {
            return [];
        }

        var now = time.GetUtcNow().UtcDateTime;
        var tags = await db.Tags.AsNoTracking()
            .Where(t => t.EditionId == editionId
                && db.Articles.Any(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && a.Tags.Any(x => x.TagId == t.Id)))
            .Select(t => new TagLink(t.Id, t.Name, t.Slug))
            .ToListAsync(cancellationToken);
        return tags
            .Where(t => Words(t.Name) is var words && searched.All(s => words.Any(w => w.StartsWith(s, StringComparison.Ordinal))))
            .OrderBy(t => t.Name, StringComparer.Create(culture, ignoreCase: true))
            .Take(MaxTags)
            .ToList();
    }

    /// <summary>The words of a tag's name, folded: runs of letters, digits and marks.</summary>
    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i < name.Length && (char.IsLetterOrDigit(name[i]) || CharUnicodeInfo.GetUnicodeCategory(name[i]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
            {
                continue;
            }

            if (i > start && Fold(name[start..i]) is { Length: > 0 } word)
            {
                words.Add(word);
            }

            start = i + 1;
        }

        return words;
    }

    /// <summary>Lower case without accents (the decomposed marks dropped), as the full-text search compares.</summary>
    private static string Fold(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var ch in word.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
