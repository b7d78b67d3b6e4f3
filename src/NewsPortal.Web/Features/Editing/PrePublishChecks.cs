using AngleSharp.Html.Parser;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Editing;

/// <summary>
/// What must hold before an article goes out: a headline and a lead, a text alternative for the picture
/// (or the picture marked decorative), at least one credited source, body headings in order (starting at
/// level 2, never skipping a level), and no link without text. Each problem is a notice the editor area words in the person's language.
/// </summary>
public static class PrePublishChecks
{
    private static readonly HtmlParser Parser = new();

    public static IReadOnlyList<Notice> Problems(Article article) =>
        Problems(ArticleContent.Of(article), article.BodyHtml);

    /// <summary>The same checks on content that is not live yet (pending changes about to go live).</summary>
    public static IReadOnlyList<Notice> Problems(ArticleContent content, string bodyHtml)
    {
        var problems = new List<Notice>();
        if (string.IsNullOrWhiteSpace(content.Headline))
        {
            problems.Add(new Notice("Check.HeadlineEmpty"));
        }

        if (string.IsNullOrWhiteSpace(content.Lead))
        {
            problems.Add(new Notice("Check.LeadEmpty"));
        }

        if (content.LeadImageId is not null && !content.ImageIsDecorative && string.IsNullOrWhiteSpace(content.AltText))
        {
            problems.Add(new Notice("Check.AltTextMissing"));
        }

        if (content.Credits.Count == 0)
        {
            problems.Add(new Notice("Check.NoSource"));
        }

        var body = Parser.ParseDocument($"<body>{bodyHtml}</body>").Body!;
        var previous = 1;
        foreach (var heading in body.QuerySelectorAll("h2, h3, h4, h5, h6"))
        {
            var level = heading.LocalName[1] - '0';
            if (level > previous + 1)
            {
                problems.Add(new Notice("Check.HeadingSkips", heading.TextContent.Trim(), level, previous));
            }

            previous = level;
        }

        problems.AddRange(LinkProblems(body));
        return problems;
    }

    /// <summary>The checks a live update gets before it is posted (it goes out at once): its picture's text and its links.</summary>
    public static IReadOnlyList<Notice> UpdateProblems(string bodyHtml, bool hasPicture, string? altText, bool decorative)
    {
        var problems = new List<Notice>();
        if (hasPicture && !decorative && string.IsNullOrWhiteSpace(altText))
        {
            problems.Add(new Notice("Check.AltTextMissing"));
        }

        problems.AddRange(LinkProblems(Parser.ParseDocument($"<body>{bodyHtml}</body>").Body!));
        return problems;
    }

    private static List<Notice> LinkProblems(AngleSharp.Dom.IElement body)
    {
        var problems = new List<Notice>();
        foreach (var link in body.QuerySelectorAll("a"))
        {
            if (string.IsNullOrWhiteSpace(link.TextContent))
            {
                problems.Add(new Notice("Check.LinkWithoutText", link.GetAttribute("href")));
            }
        }

        return problems;
    }
}
