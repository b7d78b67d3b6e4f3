using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Features.Editions;
using NewsPortal.Web.Features.ReaderCache;
using NewsPortal.Web.Features.Site;
using NewsPortal.Web.Features.Sitemaps;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Controllers;

/// <summary>
/// <c>/sitemap.xml</c> (an index), per-edition article sitemaps split at <see cref="SiteOptions.SitemapUrlsPerFile"/>
/// URLs, a news sitemap of the last 48 hours and sitemaps of the tag and author pages per edition, and <c>/robots.txt</c> pointing to the index.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[OutputCache(PolicyName = ReaderPagePolicy.Name)]
public sealed class SitemapsController(EditionCatalog editions, GetSitemapEntries entries, IOptionsSnapshot<SiteOptions> site) : Controller
{
    private const string XmlContentType = "application/xml; charset=utf-8";

    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        HttpContext.TagResponse(ReaderCacheTags.Sitemaps);
        var files = new List<Uri>();
        foreach (var edition in editions.All)
        {
            var count = await entries.CountAsync(edition.Id, cancellationToken);
            var pages = Math.Max(1, (int)Math.Ceiling(count / (double)site.Value.SitemapUrlsPerFile));
            for (var page = 1; page <= pages; page++)
            {
                files.Add(Absolute(nameof(Articles), new { edition = edition.Code, page }));
            }

            files.Add(Absolute(nameof(News), new { edition = edition.Code }));
            files.Add(Absolute(nameof(Tags), new { edition = edition.Code }));
            files.Add(Absolute(nameof(Authors), new { edition = edition.Code }));
        }

        return File(SitemapXml.Index(files), XmlContentType);
    }

    [HttpGet("/sitemaps/{edition:edition}/articles-{page:int}.xml")]
    public async Task<IActionResult> Articles([FromRoute] string edition, [FromRoute] int page, CancellationToken cancellationToken)
    {
        if (editions.Find(edition) is not { } found || page < 1 || page > 100_000)
        {
            return NotFound();
        }

        HttpContext.TagResponse(ReaderCacheTags.Sitemaps);
        await ReaderPagePolicy.LimitLifetimeAsync(HttpContext, found.Id, cancellationToken);
        var list = await entries.PageAsync(found.Id, page, site.Value.SitemapUrlsPerFile, cancellationToken);
        return list.Count == 0 && page > 1
            ? NotFound()
            : File(SitemapXml.UrlSet(list, found.Code, ArticleUrl, editions.Default.Code), XmlContentType);
    }

    [HttpGet("/sitemaps/{edition:edition}/news.xml")]
    public async Task<IActionResult> News([FromRoute] string edition, CancellationToken cancellationToken)
    {
        if (editions.Find(edition) is not { } found)
        {
            return NotFound();
        }

        HttpContext.TagResponse(ReaderCacheTags.Sitemaps);
        await ReaderPagePolicy.LimitLifetimeAsync(HttpContext, found.Id, cancellationToken);
        var list = await entries.RecentAsync(found.Id, cancellationToken);
        return File(SitemapXml.News(list, found.Code, site.Value.Name, ArticleUrl), XmlContentType);
    }

    /// <summary>The edition's tag pages that list at least one story.</summary>
    [HttpGet("/sitemaps/{edition:edition}/tags.xml")]
    public Task<IActionResult> Tags([FromRoute] string edition, CancellationToken cancellationToken) =>
        PagesAsync(edition, "Tags", entries.TagsAsync, cancellationToken);

    /// <summary>The author pages of the people credited on the edition's stories.</summary>
    [HttpGet("/sitemaps/{edition:edition}/authors.xml")]
    public Task<IActionResult> Authors([FromRoute] string edition, CancellationToken cancellationToken) =>
        PagesAsync(edition, "Authors", entries.AuthorsAsync, cancellationToken);

    /// <summary>A sitemap of the edition's pages of one kind, each at <c>{controller}/Show</c> by its slug.</summary>
    private async Task<IActionResult> PagesAsync(string edition, string controller, Func<int, CancellationToken, Task<IReadOnlyList<SitemapPage>>> pages, CancellationToken cancellationToken)
    {
        if (editions.Find(edition) is not { } found)
        {
            return NotFound();
        }

        HttpContext.TagResponse(ReaderCacheTags.Sitemaps);
        await ReaderPagePolicy.LimitLifetimeAsync(HttpContext, found.Id, cancellationToken);
        var list = await pages(found.Id, cancellationToken);
        return File(SitemapXml.Pages(list.Select(p => (Url.AbsoluteAction("Show", controller, new { edition = found.Code, slug = p.Slug }), p.LastModified))), XmlContentType);
    }

    [HttpGet("/robots.txt")]
    public IActionResult Robots()
    {
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Allow: /\n")
            .Append("Disallow: /health/\n")
            .Append("Disallow: /*/search\n")
            .Append("Sitemap: ").Append(Absolute(nameof(Index), null).AbsoluteUri).Append('\n');
        return Content(text.ToString(), "text/plain; charset=utf-8");
    }

    private Uri ArticleUrl(string edition, int id, string slug) => Url.AbsoluteAction("Show", "Articles", new { edition, slug, id });

    private Uri Absolute(string action, object? values) => Url.AbsoluteAction(action, "Sitemaps", values);
}
