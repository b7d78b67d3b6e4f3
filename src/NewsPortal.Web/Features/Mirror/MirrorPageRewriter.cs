using System.Globalization;
using System.Xml.Linq;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsPortal.Web.Features.Mirror;

/// <summary>
/// Turns a page the site rendered into a page of the static copy. Every link and asset of the site becomes a
/// relative link to the copy's file (<see cref="MirrorPaths"/>); a link to something the copy does not hold is taken
/// out (the words of a link stay, a stylesheet, picture or form goes); nothing is left that the browser would fetch
/// from elsewhere: scripts, structured data and social previews (absolute addresses of the main site) go, pictures
/// keep only their smaller renditions, and outside pictures go. Links to other sites in the stories' text stay: a
/// reader follows them by choice. The canonical link keeps pointing to the main site, as the copy says it is a copy.
/// </summary>
public sealed class MirrorPageRewriter(Uri baseUri, IReadOnlySet<string> editions, int maxPictureWidth)
{
    private static readonly HtmlParser Parser = new();
    private static readonly string[] ResourceSelectors = ["img", "source", "video", "audio", "track", "iframe", "embed", "object", "input[type=image]"];

    /// <summary>
    /// Rewrites an HTML page. <paramref name="include"/> is asked about every site target (path, page number, the
    /// copy's file): it answers whether the copy holds it (and may schedule it).
    /// </summary>
    public string RewriteHtml(string html, string sitePath, string file, Func<MirrorTarget, bool> include)
    {
        var document = Parser.ParseDocument(html);
        RewriteNodes(document, sitePath, file, include);
        if (document.Head is { } head && head.QuerySelector("meta[name=robots]") is null)
        {
            var robots = document.CreateElement("meta");
            robots.SetAttribute("name", "robots");
            robots.SetAttribute("content", "noindex, follow");
            head.AppendChild(robots);
        }

        return document.ToHtml();
    }

    /// <summary>Rewrites a feed or sitemap: addresses of the site become relative to the file, the HTML of entries too.</summary>
    public string RewriteXml(string xml, string sitePath, string file, Func<MirrorTarget, bool> include)
    {
        var document = XDocument.Parse(xml, LoadOptions.PreserveWhitespace);
        foreach (var element in document.Descendants().ToList())
        {
            foreach (var attribute in element.Attributes().Where(a => a.Name.LocalName is "href" or "url" or "src").ToList())
            {
                if (element.Name.LocalName == "link" && Resolve(attribute.Value, sitePath) is { IsSite: true } && Map(attribute.Value, sitePath, file, include) is null)
                {
                    // An alternate (another edition's version, a feed) the copy does not hold: the element goes, not just its address.
                    element.Remove();
                    break;
                }

                attribute.Value = XmlLink(attribute.Value, sitePath, file, include);
            }

            if (element.Parent is null && element != document.Root)
            {
                continue;
            }

            var name = element.Name.LocalName;
            if (element.HasElements)
            {
                continue;
            }

            if (name is "link" or "loc" or "uri" or "url" or "logo" or "icon" or "comments")
            {
                element.Value = XmlLink(element.Value.Trim(), sitePath, file, include);
            }
            else if (name == "guid")
            {
                // A permalink to the main site would send readers of the copy back to it: the guid stays an identifier only.
                element.SetAttributeValue("isPermaLink", "false");
            }
            else if (name is "description" or "content" or "summary" or "encoded" && element.Value.Contains('<', StringComparison.Ordinal))
            {
                var fragment = Parser.ParseDocument("<!DOCTYPE html><html><body>" + element.Value + "</body></html>");
                RewriteNodes(fragment, sitePath, file, include);
                element.Value = fragment.Body!.InnerHtml;
            }
        }

        var declaration = document.Declaration?.ToString();
        return (declaration is null ? "" : declaration + "\n") + document.ToString(SaveOptions.DisableFormatting);
    }

    private void RewriteNodes(IDocument document, string sitePath, string file, Func<MirrorTarget, bool> include)
    {
        foreach (var element in document.QuerySelectorAll("script, form, meta[http-equiv], meta[property^='og:'], meta[name^='twitter:'], base").ToList())
        {
            element.Remove();
        }

        foreach (var link in document.QuerySelectorAll("link[href]").ToList())
        {
            var rel = link.GetAttribute("rel") ?? "";
            if (rel.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("canonical", StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (Map(link.GetAttribute("href")!, sitePath, file, include) is { } href)
            {
                link.SetAttribute("href", href);
            }
            else
            {
                link.Remove();
            }
        }

        foreach (var anchor in document.QuerySelectorAll("a[href], area[href]").ToList())
        {
            var href = anchor.GetAttribute("href")!;
            if (Resolve(href, sitePath) is not { } target)
            {
                continue;
            }

            if (target.IsSite)
            {
                if (Map(href, sitePath, file, include) is { } relative)
                {
                    anchor.SetAttribute("href", relative);
                }
                else
                {
                    Unwrap(anchor);
                }
            }
        }

        foreach (var element in document.QuerySelectorAll(string.Join(", ", ResourceSelectors)).ToList())
        {
            if (!RewriteResource(element, sitePath, file, include))
            {
                element.Remove();
            }
        }

        foreach (var styled in document.QuerySelectorAll("[style*='url(']").ToList())
        {
            styled.RemoveAttribute("style");
        }
    }

    /// <summary>Rewrites a picture (or other embedded resource); false when the copy cannot hold it and it must go.</summary>
    private bool RewriteResource(IElement element, string sitePath, string file, Func<MirrorTarget, bool> include)
    {
        if (element.HasAttribute("srcset"))
        {
            var candidates = element.GetAttribute("srcset")!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => c.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Where(parts => parts.Length >= 1)
                .Select(parts => (Url: parts[0], Descriptor: parts.Length > 1 ? parts[1] : "", Width: Width(parts.Length > 1 ? parts[1] : "")))
                .ToList();
            var small = candidates.Where(c => c.Width <= maxPictureWidth).ToList();
            if (small.Count == 0 && candidates.Count > 0)
            {
                small = [candidates.MinBy(c => c.Width)];
            }

            var kept = small.Select(c => (c.Width, Href: Map(c.Url, sitePath, file, include), c.Descriptor)).Where(c => c.Href is not null).ToList();
            if (kept.Count == 0)
            {
                return false;
            }

            element.SetAttribute("srcset", string.Join(", ", kept.Select(c => c.Descriptor.Length == 0 ? c.Href : c.Href + " " + c.Descriptor)));
            if (element.HasAttribute("src"))
            {
                element.SetAttribute("src", kept.MaxBy(c => c.Width).Href);
                return true;
            }
        }

        foreach (var attribute in new[] { "src", "data", "poster" })
        {
            if (element.GetAttribute(attribute) is not { } value)
            {
                continue;
            }

            if (Map(value, sitePath, file, include) is not { } href)
            {
                return false;
            }

            element.SetAttribute(attribute, href);
        }

        return true;
    }

    private string XmlLink(string value, string sitePath, string file, Func<MirrorTarget, bool> include) =>
        Resolve(value, sitePath) is { IsSite: true } ? Map(value, sitePath, file, include) ?? value : value;

    /// <summary>The relative link for a site address the copy holds; null for anything else.</summary>
    private string? Map(string href, string sitePath, string file, Func<MirrorTarget, bool> include)
    {
        if (href.StartsWith('#'))
        {
            return href;
        }

        if (Resolve(href, sitePath) is not { IsSite: true } target)
        {
            return null;
        }

        if (MirrorPaths.FileFor(target.Path, target.Page, editions) is not { } targetFile)
        {
            return null;
        }

        var mirrorTarget = new MirrorTarget(target.Path, target.Page, targetFile);
        if (!include(mirrorTarget))
        {
            return null;
        }

        return MirrorPaths.Relative(file, targetFile) + target.Fragment;
    }

    private ResolvedAddress? Resolve(string href, string sitePath)
    {
        if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(new Uri(baseUri, sitePath), href.Trim(), out var uri))
        {
            return null;
        }

        var isWeb = uri.Scheme is "http" or "https";
        var isSite = isWeb && string.Equals(uri.Authority, baseUri.Authority, StringComparison.OrdinalIgnoreCase);
        var path = uri.AbsolutePath;
        var root = baseUri.AbsolutePath.TrimEnd('/');
        if (isSite && root.Length > 0)
        {
            isSite = path.StartsWith(root + "/", StringComparison.Ordinal) || path == root;
            path = isSite ? path[root.Length..] : path;
        }

        var page = 1;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith("page=", StringComparison.Ordinal)
                && int.TryParse(pair.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                page = number;
            }
        }

        return new ResolvedAddress(isWeb, isSite, path.Length == 0 ? "/" : path, page, uri.Fragment);
    }

    private static int Width(string descriptor) =>
        descriptor.EndsWith('w') && int.TryParse(descriptor.AsSpan(0, descriptor.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            ? width
            : int.MaxValue;

    /// <summary>Replaces a link by its content: the words stay, the way out goes.</summary>
    private static void Unwrap(IElement element)
    {
        if (element is IHtmlAnchorElement or IHtmlAreaElement && element.Parent is { } parent)
        {
            while (element.FirstChild is { } child)
            {
                parent.InsertBefore(child, element);
            }
        }

        element.Remove();
    }

    private sealed record ResolvedAddress(bool IsWeb, bool IsSite, string Path, int Page, string Fragment);
}

/// <summary>A page or file of the site a copy links to: its path, page number and the copy's file for it.</summary>
public sealed record MirrorTarget(string Path, int Page, string File);
