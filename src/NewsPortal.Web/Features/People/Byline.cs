using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Localization;

namespace NewsPortal.Web.Features.People;

/// <summary>A person credited on a story, named as the edition's readers know them.</summary>
public sealed record PersonCredit(int PersonId, string Name, string Slug, ContributorRole Role);

/// <summary>
/// "By Ana Petrova and Karim Nouri; translated by Leila Sadr": generated from a story's contributors, one
/// phrase per role in <see cref="ContributorRole"/> order, names joined as the edition's language joins lists
/// (as <see cref="Articles.CreditLine"/> does for sources). Never typed by hand.
/// </summary>
public static class Byline
{
    // Encodes markup characters only: names and joining words stay readable in every script.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Slot(int index) => string.Create(CultureInfo.InvariantCulture, $"\u2063{index}\u2063");

    /// <summary>The byline as plain text (feeds, structured data, the text-only page); empty without contributors.</summary>
    public static string Text(IEnumerable<PersonCredit> credits, CultureInfo culture, IStringLocalizer localizer) =>
        Compose(credits, culture, localizer, names => ListFormatter.Join(names.Select(c => c.Name).ToList(), culture), text => text);

    /// <summary>The byline as HTML, every name a link to the author page <paramref name="authorUrl"/> gives.</summary>
    public static IHtmlContent Html(IEnumerable<PersonCredit> credits, CultureInfo culture, IStringLocalizer localizer, Func<PersonCredit, string> authorUrl)
    {
        var links = new List<string>();
        var text = Compose(credits, culture, localizer, names =>
        {
            // The list is joined around numbered slots, so that the language's own joining words are
            // encoded with the rest of the sentence and the links are put in afterwards.
            var slots = names.Select(credit =>
            {
                links.Add($"<a href=\"{Encoder.Encode(authorUrl(credit))}\" rel=\"author\">{Encoder.Encode(credit.Name)}</a>");
                return Slot(links.Count - 1);
            }).ToList();
            return Encoder.Encode(ListFormatter.Join(slots, culture));
        }, Encoder.Encode);
        for (var i = 0; i < links.Count; i++)
        {
            text = text.Replace(Encoder.Encode(Slot(i)), links[i], StringComparison.Ordinal);
        }

        return new HtmlString(text);
    }

    private static string Compose(
        IEnumerable<PersonCredit> credits,
        CultureInfo culture,
        IStringLocalizer localizer,
        Func<IReadOnlyList<PersonCredit>, string> joinNames,
        Func<string, string> encode)
    {
        var phrases = new List<string>();
        foreach (var group in credits.GroupBy(c => c.Role).OrderBy(g => g.Key))
        {
            var names = group.DistinctBy(c => c.PersonId).ToList();
            var template = localizer["Byline." + group.Key].Value;
            if (phrases.Count == 0 && template.Length > 0 && char.IsLower(template[0]))
            {
                // Each phrase is written as it reads inside the sentence; the byline starts with a capital where the script has them.
                template = culture.TextInfo.ToUpper(template[0]) + template[1..];
            }

            var at = template.IndexOf("{0}", StringComparison.Ordinal);
            phrases.Add(at < 0
                ? encode(template)
                : encode(template[..at]) + joinNames(names) + encode(template[(at + 3)..]));
        }

        return string.Join(encode(localizer["Byline.Separator"].Value), phrases);
    }
}
