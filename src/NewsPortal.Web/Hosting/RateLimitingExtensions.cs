using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Hosting;

internal static class RateLimitingExtensions
{
    public const string SearchPolicy = "search";

    public const string LoginPolicy = "login";

    /// <summary>Search is the one reader page that costs real work per request: limit it per client address.</summary>
    public static IServiceCollection AddNewsPortalRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SearchPolicy, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptionsMonitor<SiteOptions>>().CurrentValue.SearchesPerMinute;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            // Password guessing from one address is slowed here; per-account lockout does the rest.
            options.AddPolicy(LoginPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptionsMonitor<SiteOptions>>().CurrentValue.SignInAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("NewsPortal.RateLimiting")
                    .LogWarning("Rate limit reached for {Client} on {Path}", context.HttpContext.Connection.RemoteIpAddress, context.HttpContext.Request.Path);
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }
}
