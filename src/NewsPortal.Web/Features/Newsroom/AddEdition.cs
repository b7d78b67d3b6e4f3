using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Editions;
using NewsPortal.Web.Localization;

namespace NewsPortal.Web.Features.Newsroom;

/// <summary>An edition as the setup page's forms post it (a new one, or the names and countries of one).</summary>
public sealed class NewEditionForm
{
    [Required(ErrorMessage = "Validation.EditionCodeRequired")]
    [StringLength(15, ErrorMessage = "Validation.TooLong")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Validation.NativeNameRequired")]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    public string NativeName { get; set; } = "";

    [Required(ErrorMessage = "Validation.EnglishNameRequired")]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    public string EnglishName { get; set; } = "";

    public TextDirection Direction { get; set; }

    public SlugPolicy SlugPolicy { get; set; }

    [Required(ErrorMessage = "Validation.CountriesRequired")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    public string Countries { get; set; } = "";
}

/// <summary>
/// Adds a language edition. Its language needs interface text first (a resource file and an entry in
/// <c>Localization:SupportedCultures</c>); the edition, its place in the order and the audit entry commit together.
/// </summary>
public sealed class AddEdition(NewsPortalDbContext db, EditionCatalog editions, AuditTrail audit, IOptions<EditionLocalizationOptions> localization)
{
    public async Task<NewsroomChange> ExecuteAsync(NewEditionForm form, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var code = form.Code.Trim().ToLowerInvariant();
        if (!Edition.IsWellFormedCode(code))
        {
            return NewsroomChange.Refuse(new Notice("Setup.Problem.CodeNotALanguageTag", code));
        }

        if (!localization.Value.SupportedCultures.Contains(code, StringComparer.OrdinalIgnoreCase))
        {
            return NewsroomChange.Refuse(new Notice("Setup.Problem.NoInterfaceTranslation", code));
        }

        if (await db.Editions.AnyAsync(e => e.Code == code, cancellationToken))
        {
            return NewsroomChange.Refuse(new Notice("Setup.Problem.EditionExists", code));
        }

        var countries = NewsroomChange.SplitCountries(form.Countries);
        if (Edition.CountryCodes(countries).Count == 0)
        {
            return NewsroomChange.Refuse(new Notice("Setup.Problem.NoCountry"));
        }

        var edition = new Edition(code, form.NativeName, form.EnglishName, form.Direction, countries, form.SlugPolicy) { SortOrder = editions.All.Count };
        db.Editions.Add(edition);
        var entry = audit.Add(AuditActions.EditionAdded, actor, $"edition {code}", $"{edition.EnglishName} ({edition.NativeName}), {edition.Dir}, {string.Join(",", edition.Countries)}");
        await db.SaveChangesAsync(cancellationToken);
        audit.Committed(entry);
        await editions.ReloadAsync(db, cancellationToken);
        return NewsroomChange.Succeed(new Notice("Setup.Done.EditionAdded", edition.EnglishName));
    }
}
