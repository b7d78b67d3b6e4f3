using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsPortal.Tests.Shared;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The real application served by Kestrel on a loopback port. The in-memory test server enforces no
/// request body size limits, so what happens to an over-size upload can only be seen through Kestrel.
/// </summary>
public class KestrelSiteFactory : NewsPortalFactory
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public KestrelSiteFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>A Kestrel-served site with some settings of its own (on top of the test host's).</summary>
    protected KestrelSiteFactory(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(0);
    }

    /// <summary>Every line the server logs at Information and above.</summary>
    public CapturedLogs Lines { get; } = new(LogLevel.Information);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Lines));
    }

    /// <summary>The loopback address Kestrel listens on.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
        .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

    /// <summary>
    /// A client of the Kestrel server that keeps cookies itself: the editor session cookie is <c>Secure</c>,
    /// which <see cref="System.Net.CookieContainer"/> never sends over plain HTTP (browsers do, on loopback).
    /// </summary>
    public HttpClient CreateKestrelClient() => CookieClient(Address);

    internal static HttpClient CookieClient(Uri address) =>
        new(CookieHandler(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })) { BaseAddress = address };

    /// <summary>The cookie keeping of <see cref="CookieClient"/> over another handler (one client each: it is not thread-safe).</summary>
    internal static DelegatingHandler CookieHandler(HttpMessageHandler inner) => new LoopbackCookieHandler { InnerHandler = inner };

    private sealed class LoopbackCookieHandler : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var cookie in values)
                {
                    var pair = cookie.Split(';', 2)[0].Split('=', 2);
                    if (pair.Length == 2 && pair[1].Length > 0)
                    {
                        _cookies[pair[0].Trim()] = pair[1];
                    }
                    else
                    {
                        _cookies.Remove(pair[0].Trim());
                    }
                }
            }

            return response;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class KestrelSiteCollection : ICollectionFixture<KestrelSiteFactory>
{
    public const string Name = "Kestrel site";
}
