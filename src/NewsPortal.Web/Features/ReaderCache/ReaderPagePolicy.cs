using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Search;

namespace NewsPortal.Web.Features.ReaderCache;

/// <summary>
/// Which reader responses are cached and under which key. Only anonymous GET and HEAD requests: never one
/// that carries the editor session cookie or credentials, never a response that sets a cookie or is not a
/// 200. The key is the path, the page number, the normalized search query and the content coding, and
/// nothing else: not the <c>Host</c> header (absolute URLs come from <c>Site:BaseUrl</c>), not other query
/// parameters (a tracking parameter must not make a new entry). An entry lives until publishing evicts it,
/// at most <see cref="ReaderCacheOptions.MaxAgeSeconds"/>, and never past the moment the edition's
/// breaking banner expires or a scheduled story is due. A page rendered for the static mirror is never cached: it is
/// not the page readers of the site get.
/// </summary>
public sealed class ReaderPagePolicy(
    IOptionsMonitor<ReaderCacheOptions> options,
    IOptionsMonitor<CookieAuthenticationOptions> cookies) : IOutputCachePolicy
{
    public const string Name = "ReaderPage";

    public static bool AppliesTo(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == Name;

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = options.CurrentValue.Enabled
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && !CarriesEditorSession(request)
            && Mirror.MirrorRendering.Of(context.HttpContext) is null;
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(options.CurrentValue.MaxAgeSeconds);

        var vary = context.CacheVaryByRules;
        vary.VaryByHost = false;
        vary.QueryKeys = "page";
        vary.VaryByValues["encoding"] = ContentCoding.Negotiate(request.Headers.AcceptEncoding);
        if (request.Query.TryGetValue("q", out var query))
        {
            vary.VaryByValues["q"] = SearchQuery.Normalize(query.ToString());
        }

        context.Tags.Add(ReaderCacheTags.All);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Limits the lifetime of the response being cached to the next moment the edition's pages change by
    /// themselves. Called before the page is rendered: the cache fixes an entry's lifetime when the
    /// response starts.
    /// </summary>
    public static async Task LimitLifetimeAsync(HttpContext http, int editionId, CancellationToken cancellationToken)
    {
        if (http.Features.Get<IOutputCacheFeature>()?.Context is not { AllowCacheStorage: true } context)
        {
            return;
        }

        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var db = http.RequestServices.GetRequiredService<NewsPortalDbContext>();
        if (await NextChangeAsync(db, editionId, now, cancellationToken) is { } next)
        {
            var left = next - now;
            if (left <= TimeSpan.Zero)
            {
                context.AllowCacheStorage = false;
            }
            else if (context.ResponseExpirationTimeSpan is not { } lifetime || left < lifetime)
            {
                context.ResponseExpirationTimeSpan = left;
            }
        }
    }

    /// <summary>
    /// The next moment an edition's pages change by themselves: a breaking banner expires, a scheduled
    /// story falls due, or a story published with a later time becomes visible.
    /// </summary>
    public static Task<DateTime?> NextChangeAsync(NewsPortalDbContext db, int editionId, DateTime now, CancellationToken cancellationToken)
    {
        var articles = db.Articles.AsNoTracking().Where(a => a.EditionId == editionId);
        var bannerExpires = articles.Where(a => a.Status == ArticleStatus.Published && a.BreakingUntil > now).Select(a => a.BreakingUntil);
        var scheduled = articles.Where(a => a.Status == ArticleStatus.Scheduled && a.ScheduledAt > now).Select(a => a.ScheduledAt);
        var publishedLater = articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt > now).Select(a => a.PublishedAt);
        return bannerExpires.Concat(scheduled).Concat(publishedLater).MinAsync(cancellationToken);
    }

    private bool CarriesEditorSession(HttpRequest request)
    {
        var name = cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name;
        return name is not null && request.Cookies.ContainsKey(name);
    }
}
