using Microsoft.Extensions.Options;
using NewsPortal.Web.Features.Mirror;
using NewsPortal.Web.Features.ReaderCache;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Hosting;

public static class MirrorExtensions
{
    /// <summary>
    /// The static mirror: in-process rendering of reader pages, the builder, the admin's jobs and the updater that
    /// follows saves, with its options (section <c>Mirror</c>); the site's Ed25519 signing key (one per data directory,
    /// created on first use) and the check of a copy against its signed manifest (<c>verify-mirror</c>).
    /// </summary>
    public static IServiceCollection AddNewsPortalMirror(this IServiceCollection services)
    {
        services.AddValidatedOptions<MirrorOptions>(MirrorOptions.SectionName);
        services.AddSingleton(sp => new MirrorSigningKey(sp.GetRequiredService<StoragePaths>()));
        services.AddScoped<VerifyMirror>();
        services.AddSingleton<InProcessRequests>();
        services.AddSingleton<BuildMirror>();
        services.AddSingleton<MirrorJobs>();
        services.AddSingleton<MirrorUpdater>();
        services.AddSingleton<IReaderPagesChangedListener>(sp => sp.GetRequiredService<MirrorUpdater>());
        services.AddHostedService(sp => sp.GetRequiredService<MirrorUpdater>());
        return services;
    }

    /// <summary>The main site's list of official mirrors, <c>/mirrors.txt</c>, with where their signing key is published.</summary>
    public static WebApplication MapNewsPortalMirror(this WebApplication app)
    {
        app.MapMethods("/mirrors.txt", [HttpMethods.Get, HttpMethods.Head], (HttpContext context, IOptionsSnapshot<SiteOptions> site, IOptionsMonitor<MirrorOptions> mirror) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(OfficialMirrors.Text(site.Value, mirror.CurrentValue), "text/plain; charset=utf-8");
        }).AllowAnonymous();
        return app;
    }
}
