using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Content.Markdown;

/// <summary>
/// The one way article Markdown becomes HTML: Markdig with raw HTML disabled and an explicit,
/// short extension list (no generic attributes), then HtmlSanitizer with an allow-list.
/// Headings are demoted so the body never competes with the page's only <c>h1</c>.
/// </summary>
public sealed class ArticleMarkdownRenderer
{
    private static readonly string[] AllowedTags =
    [
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "q", "em", "strong", "del", "sub", "sup",
        "a", "ul", "ol", "li", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "abbr", "cite",
    ];

    private static readonly string[] AllowedAttributes = ["href", "title", "lang", "dir", "start", "align", "colspan", "rowspan"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseListExtras()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <summary>Renders editor Markdown to HTML that is safe to put in a reader's page.</summary>
    public string RenderHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Clamp(heading.Level + (heading.Level == 1 ? 1 : 0), 2, 6);
        }

        var html = document.ToHtml(_pipeline);
        return _sanitizer.Sanitize(html).Trim();
    }

    /// <summary>Renders both the sanitized HTML and the plain text (for the search index).</summary>
    public RenderedBody Render(string markdown)
    {
        var html = RenderHtml(markdown);
        var text = Markdig.Markdown.ToPlainText(markdown, _pipeline);
        return new RenderedBody(html, System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim());
    }

    /// <summary>How many Markdown pictures (<c>![alt](url)</c>) the body has: pages never show them, so the editor is told.</summary>
    public int DroppedImages(string markdown) =>
        Markdig.Markdown.Parse(markdown, _pipeline).Descendants<Markdig.Syntax.Inlines.LinkInline>().Count(link => link.IsImage);

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>(StringComparer.Ordinal),
            AllowDataAttributes = false,
        };
        return new HtmlSanitizer(options);
    }
}
