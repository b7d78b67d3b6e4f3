using System.Globalization;

namespace NewsPortal.Web.Features.Editions;

/// <summary>
/// The edition of the current request, for layouts and view components: the edition resolved for the
/// request (<see cref="RequestEdition"/>), else the one matching the request culture, else the default edition.
/// </summary>
public sealed class CurrentEdition(EditionCatalog catalog, IHttpContextAccessor accessor)
{
    private EditionView? _edition;

    public EditionView Edition => _edition ??=
        accessor.HttpContext?.GetRequestEdition().Edition
        ?? catalog.Find(CultureInfo.CurrentUICulture.Name)
        ?? catalog.Default;
}
