using AngleSharp.Html.Parser;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Editing;

/// <summary>
/// What must hold before an article goes out: a headline and a lead, a text alternative for the picture
/// (or the picture marked decorative), at least one credited source, body headings in order (starting at
/// level 2, never skipping a level), and no link without text. Each problem is a sentence for the editor.
/// </summary>
public static class PrePublishChecks
{
    private static readonly HtmlParser Parser = new();

    public static IReadOnlyList<string> Problems(Article article) =>
        Problems(ArticleContent.Of(article), article.BodyHtml);

    /// <summary>The same checks on content that is not live yet (pending changes about to go live).</summary>
    public static IReadOnlyList<string> Problems(ArticleContent content, string bodyHtml)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(content.Headline))
        {
            problems.Add("The headline is empty.");
        }

        if (string.IsNullOrWhiteSpace(content.Lead))
        {
            problems.Add("The lead is empty: write the one-paragraph summary readers see first.");
        }

        if (content.LeadImageId is not null && !content.ImageIsDecorative && string.IsNullOrWhiteSpace(content.AltText))
        {
            problems.Add("The lead image has no alt text: describe it, or mark it as decorative.");
        }

        if (content.Credits.Count == 0)
        {
            problems.Add("No source is credited: add at least one source with its role.");
        }

        var body = Parser.ParseDocument($"<body>{bodyHtml}</body>").Body!;
        var previous = 1;
        foreach (var heading in body.QuerySelectorAll("h2, h3, h4, h5, h6"))
        {
            var level = heading.LocalName[1] - '0';
            if (level > previous + 1)
            {
                problems.Add($"The heading “{heading.TextContent.Trim()}” is level {level} after level {previous}: heading levels must not skip.");
            }

            previous = level;
        }

        foreach (var link in body.QuerySelectorAll("a"))
        {
            if (string.IsNullOrWhiteSpace(link.TextContent))
            {
                problems.Add($"A link to {link.GetAttribute("href")} has no text: screen-reader users would not know where it goes.");
            }
        }

        return problems;
    }
}
