using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Editions;

namespace NewsPortal.Web.Features.Newsroom;

/// <summary>Renames an edition, sets its countries and, if asked, makes it the default edition (taking that from the previous one).</summary>
public sealed class UpdateEdition(NewsPortalDbContext db, EditionCatalog editions, AuditTrail audit)
{
    public async Task<NewsroomChange> ExecuteAsync(string code, NewEditionForm form, bool makeDefault, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Code == code, cancellationToken);
        if (edition is null)
        {
            return NewsroomChange.NotFound;
        }

        var countries = NewsroomChange.SplitCountries(form.Countries);
        if (Edition.CountryCodes(countries).Count == 0)
        {
            return NewsroomChange.Refuse(new Notice("Setup.Problem.NoCountry"));
        }

        edition.Rename(form.NativeName, form.EnglishName);
        edition.SetCountries(countries);
        if (makeDefault && !edition.IsDefault)
        {
            await db.Editions.Where(e => e.IsDefault).ForEachAsync(e => e.ClearDefault(), cancellationToken);
            edition.MakeDefault();
        }

        var entry = audit.Add(AuditActions.EditionUpdated, actor, $"edition {code}", $"{edition.EnglishName} ({edition.NativeName}), {string.Join(",", edition.Countries)}{(edition.IsDefault ? ", default" : "")}");
        await db.SaveChangesAsync(cancellationToken);
        audit.Committed(entry);
        await editions.ReloadAsync(db, cancellationToken);
        return NewsroomChange.Succeed(new Notice("Setup.Done.EditionUpdated", edition.EnglishName));
    }
}
