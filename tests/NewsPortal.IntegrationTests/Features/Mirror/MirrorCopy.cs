using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsPortal.IntegrationTests.Features.Mirror;

/// <summary>
/// Reads a static copy as a reader's browser would, offline: every link, stylesheet and picture of every page, and
/// every address in its feeds and sitemaps, with what each resolves to inside the copy. It never asserts: the tests do.
/// </summary>
public sealed class MirrorCopy(string folder)
{
    private static readonly HtmlParser Parser = new();

    public string Folder => folder;

    public IEnumerable<string> Files(string pattern) =>
        Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal);

    public IDocument Page(string file) => Parser.ParseDocument(File.ReadAllText(Path.Combine(folder, file)));

    public string Text(string file) => File.ReadAllText(Path.Combine(folder, file));

    /// <summary>Every address on a page: the element, the attribute and the value (each srcset candidate apart).</summary>
    public static IEnumerable<(IElement Element, string Attribute, string Value)> Addresses(IDocument page)
    {
        foreach (var element in page.QuerySelectorAll("[href], [src], [srcset], [action], [poster], [data]"))
        {
            foreach (var attribute in new[] { "href", "src", "action", "poster", "data" })
            {
                if (element.GetAttribute(attribute) is { } value)
                {
                    yield return (element, attribute, value);
                }
            }

            foreach (var candidate in (element.GetAttribute("srcset") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return (element, "srcset", candidate.Split(' ')[0]);
            }
        }
    }

    /// <summary>The addresses of a feed or sitemap that a reader follows: links, locations, author pages and every address in the entries' HTML.</summary>
    public IEnumerable<string> XmlAddresses(string file)
    {
        var document = XDocument.Load(Path.Combine(folder, file));
        foreach (var element in document.Descendants())
        {
            foreach (var attribute in element.Attributes().Where(a => a.Name.LocalName is "href" or "url" or "src"))
            {
                yield return attribute.Value;
            }

            if (!element.HasElements && element.Name.LocalName is "link" or "loc" or "uri" or "url")
            {
                yield return element.Value.Trim();
            }

            if (!element.HasElements && element.Name.LocalName is "description" or "content" or "summary" && element.Value.Contains('<', StringComparison.Ordinal))
            {
                foreach (var (_, _, value) in Addresses(Parser.ParseDocument(element.Value)))
                {
                    yield return value;
                }
            }
        }
    }

    /// <summary>The copy's file a relative address points to from <paramref name="file"/>, or null when it leaves the copy or finds nothing.</summary>
    public string? Resolve(string file, string address)
    {
        var path = address.Split('#')[0].Split('?')[0];
        if (path.Length == 0)
        {
            return file;
        }

        if (path.StartsWith('/') || path.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(folder, Path.GetDirectoryName(file) ?? "", Uri.UnescapeDataString(path)));
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal) && File.Exists(full) ? Path.GetRelativePath(folder, full).Replace('\\', '/') : null;
    }
}
