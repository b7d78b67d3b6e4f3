using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using NewsPortal.Web.Localization;

namespace NewsPortal.Web.Views;

public static class ViewHelpers
{
    /// <summary>
    /// The one place article HTML reaches a page unencoded. Its argument must be
    /// <c>Article.BodyHtml</c>, which <c>ArticleMarkdownRenderer</c> produced and sanitized when it was saved.
    /// </summary>
    public static IHtmlContent SanitizedArticleHtml(this IHtmlHelper html, string sanitizedBodyHtml) => new HtmlString(sanitizedBodyHtml);

    /// <summary>
    /// A JSON-LD data block. System.Text.Json's default encoder escapes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>
    /// and quotes as <c>\u00XX</c>, so no value can close the script element; browsers never run this type.
    /// </summary>
    public static IHtmlContent JsonLd(this IHtmlHelper html, JsonNode data)
    {
        var tag = new TagBuilder("script");
        tag.Attributes["type"] = "application/ld+json";
        tag.InnerHtml.AppendHtml(data.ToJsonString(JsonOptions));
        return tag;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Default, WriteIndented = false };

    /// <summary>A <c>&lt;time&gt;</c> element: machine-readable UTC inside, the edition's calendar and format outside.</summary>
    public static IHtmlContent Time(this IHtmlHelper html, DateTime utc, CultureInfo culture)
    {
        var tag = new TagBuilder("time");
        tag.Attributes["datetime"] = utc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        tag.InnerHtml.Append(FormatDate(utc, culture));
        return tag;
    }

    /// <summary>Encoded text with the parts between <paramref name="start"/> and <paramref name="end"/> wrapped in <c>&lt;mark&gt;</c>.</summary>
    public static IHtmlContent Highlighted(this IHtmlHelper html, string text, char start, char end)
    {
        var content = new HtmlContentBuilder();
        var inMatch = false;
        foreach (var part in text.Split([start, end]))
        {
            if (part.Length > 0)
            {
                if (inMatch)
                {
                    var mark = new TagBuilder("mark");
                    mark.InnerHtml.Append(part);
                    content.AppendHtml(mark);
                }
                else
                {
                    content.Append(part);
                }
            }

            inMatch = !inMatch;
        }

        return content;
    }

    /// <summary>A date and time as the language writes it (<see cref="LocalDateTime.Format"/>).</summary>
    public static string FormatDate(DateTime utc, CultureInfo culture) => LocalDateTime.Format(utc, culture);
}
