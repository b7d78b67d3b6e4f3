using System.Globalization;

namespace NewsPortal.Web.Features.Editions;

/// <summary>
/// The edition of the current request, for layouts and view components: the edition in the route,
/// else the one matching the request culture (error pages), else the default edition.
/// </summary>
public sealed class CurrentEdition(EditionCatalog catalog, IHttpContextAccessor accessor)
{
    private EditionView? _edition;

    public EditionView Edition => _edition ??=
        catalog.Find(accessor.HttpContext?.GetRouteValue("edition") as string)
        ?? catalog.Find(CultureInfo.CurrentUICulture.Name)
        ?? catalog.Default;
}
