using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;

namespace NewsPortal.Web.Hosting;

internal static class LoggingExtensions
{
    /// <summary>
    /// Serilog from the <c>Serilog</c> section (levels, console) plus the rolling file of the
    /// <c>FileLog</c> section, written under the data directory.
    /// </summary>
    public static WebApplicationBuilder AddNewsPortalLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<FileLogOptions>(FileLogOptions.SectionName);
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                logger.ReadFrom.Configuration(services.GetRequiredService<IConfiguration>()).ReadFrom.Services(services);
                var file = services.GetRequiredService<IOptions<FileLogOptions>>().Value;
                if (file.Enabled)
                {
                    logger.WriteTo.File(
                        services.GetRequiredService<StoragePaths>().Resolve(file.Path),
                        rollingInterval: RollingInterval.Day,
                        retainedFileCountLimit: file.RetainedFileCountLimit,
                        fileSizeLimitBytes: file.FileSizeLimitBytes,
                        rollOnFileSizeLimit: true,
                        shared: true);
                }
            },
            preserveStaticLogger: true,
            writeToProviders: true);
        return builder;
    }

    /// <summary>One line per request; client errors at Information (they are the reader's, not ours), server errors at Error.</summary>
    public static IApplicationBuilder UseNewsPortalRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Information;
        });
}
