using Microsoft.Extensions.Options;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Mirror;

/// <summary>
/// When the site has an onion address (<see cref="MirrorOptions.OnionAddress"/>), its HTML pages send
/// <c>Onion-Location</c> with the same path there, which Tor Browser offers to follow. The value depends on the path
/// alone (never the <c>Host</c> header), so a cached page carries the right one for every reader.
/// </summary>
public sealed class OnionLocationMiddleware(RequestDelegate next, IOptionsMonitor<MirrorOptions> options)
{
    public const string HeaderName = "Onion-Location";

    public Task InvokeAsync(HttpContext context)
    {
        if (options.CurrentValue.OnionAddress is { Length: > 0 } onion && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            var origin = onion.TrimEnd('/');
            context.Response.OnStarting(() =>
            {
                var response = context.Response;
                if (response.StatusCode == StatusCodes.Status200OK && response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    response.Headers[HeaderName] = origin + context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                }

                return Task.CompletedTask;
            });
        }

        return next(context);
    }
}
