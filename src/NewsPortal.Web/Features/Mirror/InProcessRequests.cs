using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace NewsPortal.Web.Features.Mirror;

/// <summary>
/// Sends GET requests through the site's own pipeline without a network: the mirror renders every page exactly as
/// readers get it (routing, culture, views, media access rules), in the running server or in the one-shot
/// <c>mirror</c> command. The pipeline is taken as the first middleware sees it (<see cref="UseInProcessRequests"/>).
/// </summary>
public sealed class InProcessRequests(IHttpContextFactory contexts)
{
    private RequestDelegate? _pipeline;

    public bool IsReady => _pipeline is not null;

    /// <summary>Keeps the rest of the pipeline; added first, so in-process requests meet the same middleware as readers'.</summary>
    public void Capture(IApplicationBuilder app) => app.Use(next =>
    {
        _pipeline = next;
        return next;
    });

    public async Task<InProcessResponse> GetAsync(string pathAndQuery, MirrorRendering? rendering, CancellationToken cancellationToken)
    {
        var pipeline = _pipeline ?? throw new InvalidOperationException("The request pipeline has not been built yet.");
        var split = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var body = new MemoryStream();
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Method = HttpMethods.Get,
            Scheme = "http",
            Protocol = "HTTP/1.1",
            // Links carry paths percent-encoded; a server hands the pipeline the decoded path, and so does this.
            Path = PathString.FromUriComponent(split < 0 ? pathAndQuery : pathAndQuery[..split]).Value!,
            QueryString = split < 0 ? "" : pathAndQuery[split..],
            Headers = new HeaderDictionary
            {
                [HeaderNames.Host] = "localhost",
                [HeaderNames.Accept] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                [HeaderNames.UserAgent] = "NewsPortal-Mirror (static copy builder; not a reader)",
            },
            Body = Stream.Null,
        });
        var responseFeature = new InProcessResponseFeature();
        features.Set<IHttpResponseFeature>(responseFeature);
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = cancellationToken });
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
        {
            ConnectionId = Guid.NewGuid().ToString("N"),
            LocalIpAddress = System.Net.IPAddress.Loopback,
            RemoteIpAddress = System.Net.IPAddress.Loopback,
        });
        if (rendering is not null)
        {
            features.Set(rendering);
        }

        var context = contexts.Create(features);
        try
        {
            await pipeline(context);
            // The whole response is in memory: the headers are final now, as a server would send them.
            await responseFeature.StartAsync();
            await context.Response.CompleteAsync();
            var response = context.Response;
            return new InProcessResponse(
                response.StatusCode,
                response.ContentType ?? "",
                response.Headers.Location.ToString(),
                body.ToArray());
        }
        finally
        {
            // What the request registered for its end (its service scope, with the DbContext and connection) ends with it.
            await responseFeature.CompleteAsync();
            contexts.Dispose(context);
        }
    }
}

/// <summary>What the pipeline answered: status, content type, redirect target and the body's bytes.</summary>
public sealed record InProcessResponse(int StatusCode, string ContentType, string Location, byte[] Body);

/// <summary>
/// The response of an in-process request: runs the callbacks registered to run when the response starts (headers
/// that depend on the final status) and when it has completed (the request's service scope is disposed there), as a
/// server does; the default feature only stores them.
/// </summary>
internal sealed class InProcessResponseFeature : IHttpResponseFeature
{
    private readonly Stack<(Func<object, Task> Callback, object State)> _starting = new();
    private readonly Stack<(Func<object, Task> Callback, object State)> _completed = new();

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public string? ReasonPhrase { get; set; }

    public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

    [Obsolete("Use IHttpResponseBodyFeature.Stream instead.", error: false)]
    public Stream Body { get; set; } = Stream.Null;

    public bool HasStarted { get; private set; }

    public void OnStarting(Func<object, Task> callback, object state)
    {
        if (HasStarted)
        {
            throw new InvalidOperationException("The response has started.");
        }

        _starting.Push((callback, state));
    }

    public void OnCompleted(Func<object, Task> callback, object state) => _completed.Push((callback, state));

    public async Task StartAsync()
    {
        if (HasStarted)
        {
            return;
        }

        // Last registered runs first, as in Kestrel.
        while (_starting.TryPop(out var entry))
        {
            await entry.Callback(entry.State);
        }

        HasStarted = true;
    }

    public async Task CompleteAsync()
    {
        List<Exception>? failures = null;
        while (_completed.TryPop(out var entry))
        {
            try
            {
                await entry.Callback(entry.State);
            }
            catch (Exception ex)
            {
                (failures ??= []).Add(ex);
            }
        }

        if (failures is not null)
        {
            throw new AggregateException("A callback registered for the end of an in-process request failed.", failures);
        }
    }
}
