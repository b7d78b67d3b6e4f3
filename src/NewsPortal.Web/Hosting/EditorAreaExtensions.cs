using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using NewsPortal.Web.Features.Accounts;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Editing;
using NewsPortal.Web.Features.Newsroom;
using NewsPortal.Web.Features.Site;

namespace NewsPortal.Web.Hosting;

/// <summary>The newsroom's use cases: writing and publishing, accounts, editions/sections/sources, the audit log; form messages in the person's language.</summary>
public static class EditorAreaExtensions
{
    public static IServiceCollection AddNewsPortalEditorArea(this IServiceCollection services)
    {
        // Writing, reviewing and publishing articles; the scheduler publishes what is due.
        services.AddScoped<SaveArticle>();
        services.AddScoped<ClaimEditLock>();
        services.AddScoped<TakeOverEditLock>();
        services.AddScoped<EditLockHeartbeat>();
        services.AddScoped<ReleaseEditLock>();
        services.AddScoped<ArticleContentWriter>();
        services.AddScoped<RestoreRevision>();
        services.AddScoped<AddCorrection>();
        services.AddScoped<GetPreviewPage>();
        services.AddScoped<ArticleFormPages>();
        services.AddScoped<GetDashboard>();
        services.AddScoped<Features.People.GetPeople>();
        services.AddScoped<Features.People.SavePerson>();
        services.AddScoped<PublishDueArticles>();
        services.AddHostedService<ScheduledPublisher>();

        // Accounts: created by admins, changed by admins or their owner; failed sign-ins of unknown addresses counted in memory.
        services.AddMemoryCache();
        services.AddScoped<CreateNewsroomAccount>();
        services.AddScoped<GetNewsroomAccounts>();
        services.AddScoped<SetAccountDisabled>();
        services.AddScoped<ResetAccountPassword>();
        services.AddScoped<ChangeAccountRole>();
        services.AddScoped<ChangeOwnPassword>();
        services.AddScoped<SignOut>();
        services.AddScoped<ChooseInterfaceLanguage>();

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
        // Live coverage: the desk, posting, correcting, pinning and removing updates, opening and ending coverage.
        services.AddScoped<Features.LiveCoverage.GetLiveDesk>();
        services.AddScoped<Features.LiveCoverage.LiveUpdateContent>();
        services.AddScoped<Features.LiveCoverage.PostLiveUpdate>();
        services.AddScoped<Features.LiveCoverage.CorrectLiveUpdate>();
        services.AddScoped<Features.LiveCoverage.PinLiveUpdate>();
        services.AddScoped<Features.LiveCoverage.RemoveLiveUpdate>();
        services.AddScoped<Features.LiveCoverage.ChangeCoverageState>();

        services.AddScoped<AuditTrail>();
        services.AddScoped<GetAuditLog>();

        // A write that cannot be stored (disk full, read-only database) is a 503, not a 500.
        services.Configure<MvcOptions>(options => options.Filters.Add<StorageUnavailableFilter>());

        // Posted numbers and dates read as browsers send them, whatever the interface language.
        services.Configure<MvcOptions>(options => InvariantFormValueProviderFactory.ReplaceIn(options.ValueProviderFactories));

        // Values the model binder cannot read ("abc" for a number) are refused in the person's language too.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) => WordBindingMessages(options.ModelBindingMessageProvider, factory.Create(typeof(EditorResource))));
        return services;
    }

    private static void WordBindingMessages(DefaultModelBindingMessageProvider messages, IStringLocalizer text)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => text["Validation.ValueInvalid", value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Validation.ValueInvalid", value]);
        messages.SetValueIsInvalidAccessor(value => text["Validation.ValueInvalid", value]);
        messages.SetUnknownValueIsInvalidAccessor(_ => text["Validation.ValueUnknown"]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Validation.ValueUnknown"]);
        messages.SetValueMustBeANumberAccessor(_ => text["Validation.ValueNotANumber"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Validation.ValueNotANumber"]);
        messages.SetMissingBindRequiredValueAccessor(_ => text["Validation.ValueMissing"]);
        messages.SetMissingKeyOrValueAccessor(() => text["Validation.ValueMissing"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Validation.ValueMissing"]);
        messages.SetValueMustNotBeNullAccessor(_ => text["Validation.ValueMissing"]);
    }
}
