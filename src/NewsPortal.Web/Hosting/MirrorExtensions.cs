using NewsPortal.Web.Features.Mirror;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Hosting;

/// <summary>
/// The static mirror's verifiability: the site's Ed25519 signing key (one per data directory, created on first use),
/// and the check of a mirror folder against its signed manifest, run by the <c>verify-mirror</c> command.
/// </summary>
public static class MirrorExtensions
{
    public static IServiceCollection AddNewsPortalMirror(this IServiceCollection services)
    {
        services.AddSingleton(sp => new MirrorSigningKey(sp.GetRequiredService<StoragePaths>()));
        services.AddScoped<VerifyMirror>();
        return services;
    }
}
