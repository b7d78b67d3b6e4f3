using Microsoft.AspNetCore.Localization;
using NewsPortal.Web.Features.Editions;

namespace NewsPortal.Web.Localization;

/// <summary>
/// Takes the request culture from the edition segment that opens every reader route
/// (<c>/{edition}/…</c>), as resolved once for the request (<see cref="RequestEdition"/>). A re-executed
/// error page takes it from the URL the reader asked for, so <c>/ru/a/x/999</c> answers with a Russian 404 page.
/// </summary>
public sealed class EditionCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var code = httpContext.GetRequestEdition().Code;
        return Task.FromResult(code is null ? null : new ProviderCultureResult(code));
    }
}
