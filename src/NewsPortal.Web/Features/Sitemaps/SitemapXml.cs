using System.Globalization;
using System.Text;
using System.Xml;

namespace NewsPortal.Web.Features.Sitemaps;

/// <summary>Writes sitemap index, URL set and news sitemap documents (sitemaps.org 0.9, Google News 0.9).</summary>
public static class SitemapXml
{
    public const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";
    public const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";

    /// <summary>The protocol's limit of URLs in one sitemap file.</summary>
    public const int MaxUrlsPerFile = 50_000;

    public static byte[] Index(IEnumerable<Uri> sitemaps) => Write(writer =>
    {
        writer.WriteStartElement("sitemapindex", SitemapNamespace);
        foreach (var sitemap in sitemaps)
        {
            writer.WriteStartElement("sitemap", SitemapNamespace);
            writer.WriteElementString("loc", SitemapNamespace, sitemap.AbsoluteUri);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    /// <summary>A URL set; each entry lists itself and its translations as hreflang alternates.</summary>
    public static byte[] UrlSet(IEnumerable<SitemapEntry> entries, string editionCode, Func<string, int, string, Uri> articleUrl, string? xDefaultEdition) => Write(writer =>
    {
        writer.WriteStartElement("urlset", SitemapNamespace);
        writer.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
        foreach (var entry in entries)
        {
            writer.WriteStartElement("url", SitemapNamespace);
            writer.WriteElementString("loc", SitemapNamespace, articleUrl(editionCode, entry.Id, entry.Slug).AbsoluteUri);
            writer.WriteElementString("lastmod", SitemapNamespace, W3CDate(entry.LastModified));
            WriteAlternates(writer, entry, editionCode, articleUrl, xDefaultEdition);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    /// <summary>A URL set of listing pages (an edition's tag pages), each with the time its newest story was published.</summary>
    public static byte[] Pages(IEnumerable<(Uri Url, DateTime LastModified)> pages) => Write(writer =>
    {
        writer.WriteStartElement("urlset", SitemapNamespace);
        foreach (var (url, lastModified) in pages)
        {
            writer.WriteStartElement("url", SitemapNamespace);
            writer.WriteElementString("loc", SitemapNamespace, url.AbsoluteUri);
            writer.WriteElementString("lastmod", SitemapNamespace, W3CDate(lastModified));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    public static byte[] News(IEnumerable<SitemapEntry> entries, string editionCode, string publicationName, Func<string, int, string, Uri> articleUrl) => Write(writer =>
    {
        writer.WriteStartElement("urlset", SitemapNamespace);
        writer.WriteAttributeString("xmlns", "news", null, NewsNamespace);
        foreach (var entry in entries)
        {
            writer.WriteStartElement("url", SitemapNamespace);
            writer.WriteElementString("loc", SitemapNamespace, articleUrl(editionCode, entry.Id, entry.Slug).AbsoluteUri);
            writer.WriteStartElement("news", "news", NewsNamespace);
            writer.WriteStartElement("news", "publication", NewsNamespace);
            writer.WriteElementString("news", "name", NewsNamespace, publicationName);
            writer.WriteElementString("news", "language", NewsNamespace, editionCode);
            writer.WriteEndElement();
            writer.WriteElementString("news", "publication_date", NewsNamespace, W3CDate(entry.PublishedAt));
            writer.WriteElementString("news", "title", NewsNamespace, entry.Headline);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    private static void WriteAlternates(XmlWriter writer, SitemapEntry entry, string editionCode, Func<string, int, string, Uri> articleUrl, string? xDefaultEdition)
    {
        if (entry.Alternates.Count == 0)
        {
            return;
        }

        foreach (var alternate in entry.Alternates.OrderBy(a => a.EditionCode, StringComparer.Ordinal))
        {
            WriteLink(writer, alternate.EditionCode, articleUrl(alternate.EditionCode, alternate.Id, alternate.Slug));
        }

        var xDefault = entry.Alternates.FirstOrDefault(a => a.EditionCode == xDefaultEdition)
            ?? entry.Alternates.First(a => a.EditionCode == editionCode);
        WriteLink(writer, "x-default", articleUrl(xDefault.EditionCode, xDefault.Id, xDefault.Slug));
    }

    private static void WriteLink(XmlWriter writer, string hreflang, Uri href)
    {
        writer.WriteStartElement("xhtml", "link", XhtmlNamespace);
        writer.WriteAttributeString("rel", "alternate");
        writer.WriteAttributeString("hreflang", hreflang);
        writer.WriteAttributeString("href", href.AbsoluteUri);
        writer.WriteEndElement();
    }

    private static string W3CDate(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
