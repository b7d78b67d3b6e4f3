using NewsPortal.Web.Features.Accounts;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Editing;
using NewsPortal.Web.Features.Newsroom;

namespace NewsPortal.Web.Hosting;

/// <summary>The newsroom's use cases: writing and publishing, accounts, editions/sections/sources, the audit log.</summary>
public static class EditorAreaExtensions
{
    public static IServiceCollection AddNewsPortalEditorArea(this IServiceCollection services)
    {
        // Writing, reviewing and publishing articles; the scheduler publishes what is due.
        services.AddScoped<SaveArticle>();
        services.AddScoped<ArticleContentWriter>();
        services.AddScoped<RestoreRevision>();
        services.AddScoped<AddCorrection>();
        services.AddScoped<GetPreviewPage>();
        services.AddScoped<ArticleFormPages>();
        services.AddScoped<GetDashboard>();
        services.AddScoped<BylineRule>();
        services.AddScoped<PublishDueArticles>();
        services.AddHostedService<ScheduledPublisher>();

        // Accounts: created by admins, changed by admins or their owner.
        services.AddScoped<CreateNewsroomAccount>();
        services.AddScoped<GetNewsroomAccounts>();
        services.AddScoped<SetAccountDisabled>();
        services.AddScoped<ResetAccountPassword>();
        services.AddScoped<ChangeAccountRole>();
        services.AddScoped<ChangeOwnPassword>();
        services.AddScoped<SignOut>();

        // Editions, sections and sources.
        services.AddScoped<GetSetupPage>();
        services.AddScoped<AddEdition>();
        services.AddScoped<UpdateEdition>();
        services.AddScoped<AddSection>();
        services.AddScoped<RenameSection>();
        services.AddScoped<RemoveSection>();
        services.AddScoped<AddSource>();
        services.AddScoped<UpdateSource>();

        // The audit log: appended to in the same transaction as what it records, read by admins.
        services.AddScoped<AuditTrail>();
        services.AddScoped<GetAuditLog>();
        return services;
    }
}
