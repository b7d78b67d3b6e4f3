using NewsPortal.Web.Features.ReaderCache;
using NewsPortal.Web.Features.Reading;
using NewsPortal.Web.Features.Related;

namespace NewsPortal.Web.Hosting;

internal static class ReadingExtensions
{
    /// <summary>
    /// Read counting (<c>Reads</c> section): the in-memory counter, its background writer, the most-read lists kept in
    /// memory (dropped when a story in them changes); and the stored related-story lists' upkeep.
    /// </summary>
    public static IServiceCollection AddNewsPortalReading(this IServiceCollection services)
    {
        services.AddValidatedOptions<ReadsOptions>(ReadsOptions.SectionName);
        services.AddSingleton<ReadCounter>();
        services.AddScoped<FlushReadCounts>();
        services.AddSingleton<ReadCountFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<ReadCountFlusher>());
        services.AddScoped<GetMostRead>();
        services.AddSingleton<MostReadLists>();
        services.AddSingleton<IArticleChangeListener>(sp => sp.GetRequiredService<MostReadLists>());
        services.AddScoped<RefreshRelatedStories>();
        return services;
    }

    /// <summary>
    /// Counts reads of article pages. Runs after routing (it needs the endpoint and the article id) and outside the
    /// reader cache, so a page served from the cache is counted as one rendered is, and the cached bytes are untouched.
    /// </summary>
    public static IApplicationBuilder UseNewsPortalReadCounting(this IApplicationBuilder app) =>
        app.UseMiddleware<ReadCountingMiddleware>();
}
