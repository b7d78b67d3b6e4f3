using NewsPortal.Web.Features.Operations;

namespace NewsPortal.Web.Hosting;

/// <summary>The operator's commands (create-admin, backup, restore, export, import), run by the same binary instead of the server.</summary>
public static class OperationsExtensions
{
    public static IServiceCollection AddNewsPortalOperations(this IServiceCollection services)
    {
        services.AddScoped<CreateAdminAccount>();
        services.AddScoped<CreateBackup>();
        services.AddScoped<RestoreBackup>();
        services.AddScoped<ExportArchive>();
        services.AddScoped<ImportArchive>();
        return services;
    }
}
