using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Features.ReaderCache;

namespace NewsPortal.Web.Hosting;

internal static class OutputCacheExtensions
{
    /// <summary>The connection string that moves the reader cache into Redis, shared by every instance.</summary>
    public const string RedisConnectionName = "Redis";

    /// <summary>
    /// The output cache of anonymous reader responses (<c>OutputCache</c> section), the interceptor that
    /// evicts exactly what a save changed, and Brotli and gzip for reader HTML, feeds and sitemaps. The cache
    /// lives in each instance's memory, or with <c>ConnectionStrings:Redis</c> in Redis, where an eviction by
    /// one instance (a publish) empties it for all.
    /// </summary>
    public static IServiceCollection AddNewsPortalOutputCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ReaderCacheOptions>(ReaderCacheOptions.SectionName);
        if (configuration.GetConnectionString(RedisConnectionName) is { Length: > 0 } redis)
        {
            // Registered before AddOutputCache, which adds the in-memory store only when no store is registered yet;
            // wrapped so that a Redis that does not answer makes a miss, never an error page.
            services.AddStackExchangeRedisOutputCache(options => options.Configuration = redis);
            services.AddOptions<Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheOptions>()
                .Configure<IOptions<ReaderCacheOptions>>((options, reader) => options.InstanceName = reader.Value.RedisKeyPrefix);
            var registered = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
            var redisStore = registered.ImplementationType ?? throw new InvalidOperationException("The Redis output cache store is registered in an unexpected way.");
            services.Remove(registered);
            services.AddSingleton<IOutputCacheStore>(sp =>
            {
                var shared = new FailSafeOutputCacheStore(
                    (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, redisStore), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FailSafeOutputCacheStore>>());
                var reader = sp.GetRequiredService<IOptions<ReaderCacheOptions>>().Value;
                // A page in demand is read from Redis once every few seconds per instance, not once per request.
                return reader.LocalCopySeconds == 0
                    ? shared
                    : new LocalCopyOutputCacheStore(shared, redis, reader.RedisKeyPrefix, TimeSpan.FromSeconds(reader.LocalCopySeconds),
                        reader.SizeLimitMegabytes * 1024L * 1024L, sp.GetRequiredService<ILogger<LocalCopyOutputCacheStore>>());
            });
        }

        services.AddOutputCache();

        services.AddOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>().Configure<IOptions<ReaderCacheOptions>, IServiceProvider>((options, reader, services) =>
        {
            options.SizeLimit = reader.Value.SizeLimitMegabytes * 1024L * 1024L;
            options.MaximumBodySize = 16 * 1024 * 1024;
            options.UseCaseSensitivePaths = true;
            options.AddPolicy(ReaderPagePolicy.Name, ActivatorUtilities.CreateInstance<ReaderPagePolicy>(services));
        });
        services.AddSingleton<ReaderCacheInvalidation>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<ReaderCacheInvalidation>());

        // Reader pages hold no secret (no tokens, nothing per person), so compressing them over HTTPS
        // gives BREACH nothing to find; the editor area is never compressed.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/rss+xml", "application/atom+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>
    /// Reader responses come from the cache when they can; otherwise they are rendered, compressed once,
    /// given their validators and stored. Runs right after routing, before anything a cached page does not need.
    /// </summary>
    public static IApplicationBuilder UseNewsPortalOutputCache(this IApplicationBuilder app)
    {
        app.UseOutputCache();
        return app.UseWhen(
            context => ReaderPagePolicy.AppliesTo(context.GetEndpoint()),
            reader => reader.UseMiddleware<EntityTagMiddleware>().UseResponseCompression());
    }
}
