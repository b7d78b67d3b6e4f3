using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace NewsPortal.Web.Features.Mirror;

/// <summary>
/// The server of operator commands: it never listens. A command that renders pages (<c>mirror</c>) starts the app
/// with it, so the request pipeline is built and <see cref="InProcessRequests"/> can use it, while nothing on the
/// network can reach the process.
/// </summary>
public sealed class NoListeningServer : IServer
{
    public IFeatureCollection Features { get; } = CreateFeatures();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }

    private static FeatureCollection CreateFeatures()
    {
        var features = new FeatureCollection();
        features.Set<IServerAddressesFeature>(new ServerAddressesFeature());
        return features;
    }
}
