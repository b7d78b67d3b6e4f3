using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

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
