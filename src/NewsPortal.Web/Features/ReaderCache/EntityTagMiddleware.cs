using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace NewsPortal.Web.Features.ReaderCache;

/// <summary>
/// Validators for reader responses: a strong ETag (a hash of the bytes sent, so each content coding has
/// its own), a Last-Modified date, and a 304 when the reader already has those bytes. It runs inside the
/// output cache, so a cached entry keeps its validators and the cache answers the next conditional
/// request itself. <c>Cache-Control: public, no-cache</c> lets browsers and shared caches keep a copy and
/// ask again each time, which costs a 304 when nothing changed.
/// </summary>
public sealed class EntityTagMiddleware(RequestDelegate next, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var headers = response.GetTypedHeaders();
            var etag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), 0, 18).Replace('+', '-').Replace('/', '_')}\"");
            headers.ETag = etag;
            headers.LastModified ??= time.GetUtcNow();
            headers.CacheControl ??= new CacheControlHeaderValue { Public = true, NoCache = true };
            // Read back from the header, which keeps whole seconds as If-Modified-Since does.
            if (IsNotModified(request.GetTypedHeaders(), etag, headers.LastModified!.Value))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.Remove(HeaderNames.ContentType);
                return;
            }
        }

        if (response.StatusCode == StatusCodes.Status200OK)
        {
            response.ContentLength = buffer.Length;
        }

        // An error status with no body stays without one, so the status-code page can render it.
        if (buffer.Length > 0)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    }

    /// <summary>If-None-Match decides when present (RFC 9110 §13.2.2); otherwise If-Modified-Since.</summary>
    private static bool IsNotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset lastModified) =>
        request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false))
            : request.IfModifiedSince is { } since && lastModified <= since;
}
