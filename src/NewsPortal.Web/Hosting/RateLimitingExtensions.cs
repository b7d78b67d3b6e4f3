using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Features.ReaderCache;
using NewsPortal.Web.Features.Site;
using RedisRateLimiting;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Hosting;

internal static class RateLimitingExtensions
{
    public const string SearchPolicy = "search";

    public const string LoginPolicy = "login";

    /// <summary>
    /// Search is the one reader page that costs real work per request, and sign-in attempts invite guessing: both are
    /// limited per client address, per minute. With <c>ConnectionStrings:Redis</c> the count is kept in Redis and holds
    /// across every instance (falling back to each instance's own count while Redis does not answer); without it each
    /// instance counts alone.
    /// </summary>
    public static IServiceCollection AddNewsPortalRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetConnectionString(OutputCacheExtensions.RedisConnectionName) is { Length: > 0 } configured ? configured : null;
        if (redis is not null)
        {
            services.AddSingleton(sp => new RedisRateLimits(redis, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RedisRateLimits>>()));
        }

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SearchPolicy, context => PerClient(context, SearchPolicy, site => site.SearchesPerMinute, redis is not null));
            // Password guessing from one address is slowed here; per-account lockout does the rest.
            options.AddPolicy(LoginPolicy, context => PerClient(context, LoginPolicy, site => site.SignInAttemptsPerMinute, redis is not null));
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

    private static RateLimitPartition<string> PerClient(HttpContext context, string policy, Func<SiteOptions, int> perMinute, bool shared)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var limit = perMinute(context.RequestServices.GetRequiredService<IOptionsMonitor<SiteOptions>>().CurrentValue);
        FixedWindowRateLimiter Local() => new(new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        if (!shared)
        {
            return RateLimitPartition.Get(client, _ => Local());
        }

        var redis = context.RequestServices.GetRequiredService<RedisRateLimits>();
        var prefix = context.RequestServices.GetRequiredService<IOptions<ReaderCacheOptions>>().Value.RedisKeyPrefix;
        return RateLimitPartition.Get(client, key => new SharedOrLocalRateLimiter(
            new RedisFixedWindowRateLimiter<string>($"{prefix}rate:{policy}:{key}", new RedisFixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = TimeSpan.FromMinutes(1),
                ConnectionMultiplexerFactory = () => redis.Connection,
            }),
            Local(),
            redis));
    }
}
