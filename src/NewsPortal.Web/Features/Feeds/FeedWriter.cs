using System.Globalization;
using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace NewsPortal.Web.Features.Feeds;

public enum FeedFormat
{
    Rss = 0,
    Atom = 1,
}

/// <summary>A feed ready to write: its channel and entries, built with System.ServiceModel.Syndication.</summary>
public sealed record FeedDocument(SyndicationFeed Feed, DateTime LastModified);

/// <summary>Serializes a <see cref="SyndicationFeed"/> as RSS 2.0 or Atom 1.0, UTF-8.</summary>
public static class FeedWriter
{
    public static string ContentType(FeedFormat format) =>
        format == FeedFormat.Atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8";

    public static byte[] Write(SyndicationFeed feed, FeedFormat format)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, Async = false }))
        {
            SyndicationFeedFormatter formatter = format == FeedFormat.Atom ? new Atom10FeedFormatter(feed) : new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false);
            formatter.WriteTo(writer);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Plain text as a feed field: as text in Atom; in RSS 2.0, whose description is entity-encoded HTML,
    /// HTML-encoded first, so that "&lt;img onerror=…&gt;" reaches the reader as those characters, not as an element.
    /// </summary>
    public static TextSyndicationContent PlainText(string text, FeedFormat format) =>
        format == FeedFormat.Atom
            ? new TextSyndicationContent(text, TextSyndicationContentKind.Plaintext)
            : new TextSyndicationContent(WebUtility.HtmlEncode(text), TextSyndicationContentKind.Html);

    /// <summary>
    /// RSS 2.0 dates are RFC 822 (<c>Sat, 28 Nov 2026 12:00:00 GMT</c>). <see cref="Rss20FeedFormatter"/> writes
    /// UTC as a bare military zone <c>Z</c>, which RFC 2822 retired and some readers reject, so the channel's
    /// <c>lastBuildDate</c> and each item's <c>pubDate</c> are written here as extensions, and the
    /// formatter's own (left at <see cref="DateTimeOffset.MinValue"/>, which it skips) are not.
    /// </summary>
    public static void UseRfc822Dates(SyndicationFeed feed)
    {
        if (feed.LastUpdatedTime != DateTimeOffset.MinValue)
        {
            feed.ElementExtensions.Add(DateElement("lastBuildDate", feed.LastUpdatedTime));
            feed.LastUpdatedTime = DateTimeOffset.MinValue;
        }

        foreach (var item in feed.Items)
        {
            if (item.PublishDate != DateTimeOffset.MinValue)
            {
                item.ElementExtensions.Add(DateElement("pubDate", item.PublishDate));
                item.PublishDate = DateTimeOffset.MinValue;
            }
        }
    }

    public static string Rfc822(DateTimeOffset date) => date.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);

    private static SyndicationElementExtension DateElement(string name, DateTimeOffset date) =>
        new(new XElement(name, Rfc822(date)).CreateReader());

    /// <summary>Full entry content: the sanitized body, then the credit line as its own encoded paragraph.</summary>
    public static string EntryHtml(string sanitizedBodyHtml, IEnumerable<string> creditSentences)
    {
        var html = new StringBuilder(sanitizedBodyHtml);
        foreach (var sentence in creditSentences)
        {
            html.Append("<p><em>").Append(WebUtility.HtmlEncode(sentence)).Append("</em></p>");
        }

        return html.ToString();
    }
}
