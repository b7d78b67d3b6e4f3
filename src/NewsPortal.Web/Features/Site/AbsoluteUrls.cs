using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Site;

/// <summary>
/// Absolute URLs for canonical links, hreflang, Open Graph, JSON-LD, feeds and sitemaps. They are built
/// on <see cref="SiteOptions.BaseUrl"/>, never on the request's <c>Host</c> header: a forged header must
/// not reach a page, and cached pages are shared by every reader whatever name they used.
/// </summary>
public static class AbsoluteUrls
{
    public static Uri AbsoluteAction(this IUrlHelper url, string action, string? controller, object? values) =>
        url.Absolute(url.Action(action, controller, values)
            ?? throw new InvalidOperationException($"No route produces {controller}.{action}."));

    /// <summary>A path of this site (<c>/media/…</c>, or a path from <c>Url.Action</c>) on the canonical base.</summary>
    public static Uri Absolute(this IUrlHelper url, string path) =>
        new(BaseUri(url.ActionContext.HttpContext), path);

    public static Uri BaseUri(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value.BaseUri;
}
