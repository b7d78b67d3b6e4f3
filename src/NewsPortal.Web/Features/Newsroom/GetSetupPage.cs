using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editions;
using NewsPortal.Web.Localization;

namespace NewsPortal.Web.Features.Newsroom;

public sealed record SetupPage(
    IReadOnlyList<EditionView> Editions,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> SupportedCultures);

/// <summary>The setup page: every edition with its sections, every source, and the languages an edition can be added in.</summary>
public sealed class GetSetupPage(NewsPortalDbContext db, EditionCatalog editions, IOptions<EditionLocalizationOptions> localization)
{
    public async Task<SetupPage> ExecuteAsync(IReadOnlyList<string> problems, CancellationToken cancellationToken) => new(
        editions.All,
        await db.Sources.AsNoTracking().OrderBy(s => s.Code).ToListAsync(cancellationToken),
        problems,
        localization.Value.SupportedCultures);
}
