using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Hosting;

internal static class ConfigurationExtensions
{
    /// <summary>
    /// Loads the repository-root <c>appsettings.json</c> (linked into the build output) from the app's
    /// base directory, so <c>dotnet run</c>, tests, <c>dotnet ef</c> and published builds share one file;
    /// environment variables and command-line arguments are added again so they still win.
    /// </summary>
    public static WebApplicationBuilder AddRootConfiguration(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddCommandLine(args);

        // Static assets from the build output (tests, dotnet run in any environment); a published app has
        // them beside it already and this finds nothing to add.
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    /// <summary>
    /// Binds a typed options class to its section and validates it when the app starts.
    /// <see cref="IOptionsSnapshot{TOptions}"/> reads the monitor's cached value instead of binding and
    /// validating the section again in every request (a configuration change still reaches the next read).
    /// </summary>
    public static IServiceCollection AddValidatedOptions<TOptions>(this IServiceCollection services, string sectionName)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IOptionsSnapshot<TOptions>, MonitoredOptions<TOptions>>();
        return services;
    }

    private sealed class MonitoredOptions<TOptions>(IOptionsMonitor<TOptions> monitor) : IOptionsSnapshot<TOptions>
        where TOptions : class
    {
        public TOptions Value => monitor.CurrentValue;

        public TOptions Get(string? name) => monitor.Get(name);
    }
}
