using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;
using NewsPortal.Web.Settings;

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

    /// <summary>
    /// One line per request, at a level that says whose problem it is: server errors at Error, client
    /// errors (404, 400, 429…) and requests the client abandoned at Information, and successful or
    /// redirected requests at Debug, so the default configuration writes only requests that went wrong.
    /// Written through the app's Serilog logger (the static one is left silent), so the lines reach the
    /// console and the log file.
    /// </summary>
    public static IApplicationBuilder UseNewsPortalRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            // A page the static mirror renders and does not find (a list that got shorter) is part of its work, not a reader's 404.
            options.GetLevel = (context, _, exception) =>
                Features.Mirror.MirrorRendering.Of(context) is not null && exception is null && context.Response.StatusCode < 500
                    ? LogEventLevel.Debug
                    : RequestLevel(context.Response.StatusCode, exception, context.RequestAborted.IsCancellationRequested);
        });

    internal static LogEventLevel RequestLevel(int statusCode, Exception? exception, bool clientAborted) =>
        exception is OperationCanceledException && clientAborted ? LogEventLevel.Information
        : exception is not null || statusCode >= 500 ? LogEventLevel.Error
        : statusCode >= 400 ? LogEventLevel.Information
        : LogEventLevel.Debug;
}
