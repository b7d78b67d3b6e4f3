using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Features.ReaderCache;

namespace NewsPortal.Web.Hosting;

internal static class OutputCacheExtensions
{
    /// <summary>
    /// The output cache of anonymous reader responses (<c>OutputCache</c> section), the interceptor that
    /// evicts exactly what a save changed, and Brotli and gzip for reader HTML, feeds and sitemaps.
    /// </summary>
    public static IServiceCollection AddNewsPortalOutputCache(this IServiceCollection services)
    {
        services.AddValidatedOptions<ReaderCacheOptions>(ReaderCacheOptions.SectionName);
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
