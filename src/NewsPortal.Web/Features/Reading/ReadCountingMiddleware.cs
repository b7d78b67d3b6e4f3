using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace NewsPortal.Web.Features.Reading;

/// <summary>
/// Counts a read when a GET of an article page (<see cref="CountsReadsAttribute"/>) is answered 200, whether the page
/// was rendered or came from the reader cache: it runs outside the output cache and looks only at the route, the
/// method, the User-Agent and the status, never at the bytes. HEAD, a 304 revalidation, a redirect, a 404, an editor's
/// preview (another endpoint) and an obvious crawler are not reads. Nothing is set on the response and nothing about
/// the reader is kept; the count goes to the in-memory <see cref="ReadCounter"/>.
/// </summary>
public sealed class ReadCountingMiddleware(RequestDelegate next, ReadCounter counter)
{
    private const string ArticleIdRouteValue = "id";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<CountsReadsAttribute>() is null
            || !request.RouteValues.TryGetValue(ArticleIdRouteValue, out var id)
            || !int.TryParse(id as string, NumberStyles.None, CultureInfo.InvariantCulture, out var articleId)
            || CrawlerUserAgents.IsCrawler(request.Headers[HeaderNames.UserAgent].ToString()))
        {
            await next(context);
            return;
        }

        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            counter.Count(articleId);
        }
    }
}
