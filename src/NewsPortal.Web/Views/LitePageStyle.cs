using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace NewsPortal.Web.Views;

/// <summary>
/// The text-only page's few rules, inline so the page needs no second request. The content security
/// policy allows exactly this text by its SHA-256 hash: no per-response nonce, so the page's bytes are the
/// same for every reader and can be cached and shared.
/// </summary>
public static class LitePageStyle
{
    /// <summary>Live updates per text-only page: enough to follow the story, few enough to stay under 15 KB in any script.</summary>
    public const int UpdatesPerPage = 8;

    private const string Css =
        "body{font:1.0625rem/1.6 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:0 1rem;color:#1a1a1a}"
        + "a{color:#0b3d91}:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}"
        + ".skip{position:absolute;clip-path:inset(50%);width:1px;height:1px;overflow:hidden}"
        + ".skip:focus-within{position:static;clip-path:none;width:auto;height:auto}"
        + "nav ul,footer ul{padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem}"
        + "blockquote{margin:1rem 0;padding-inline-start:1rem;border-inline-start:4px solid #0b3d91}"
        + "main:focus,nav:focus{outline:none}";

    /// <summary>The base64 SHA-256 of the element's text, as <c>style-src 'sha256-…'</c> takes it.</summary>
    public static readonly string Sha256 = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)));

    /// <summary>The <c>&lt;style&gt;</c> element. Its text is this constant, never anything a person typed.</summary>
    public static IHtmlContent Element { get; } = new HtmlString("<style>" + Css + "</style>");
}
