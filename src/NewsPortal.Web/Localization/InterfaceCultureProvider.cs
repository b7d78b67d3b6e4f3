using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using NewsPortal.Web.Features.Accounts;

namespace NewsPortal.Web.Localization;

/// <summary>
/// The interface (UI) culture of the editor area (<c>/editor…</c>, and its error pages): the interface language on the
/// signed-in person's profile, else the site's default; the formatting culture stays the site's default. The edition a person writes for never changes it: an article's own
/// fields carry their edition's <c>lang</c> and <c>dir</c>. Runs after authentication so it sees the person.
/// </summary>
public sealed class InterfaceCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var path = httpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? httpContext.Request.Path.Value;
        if (!IsEditorPath(path))
        {
            return NullProviderCultureResult;
        }

        var languages = httpContext.RequestServices.GetRequiredService<InterfaceLanguages>();
        var chosen = httpContext.User.Identity?.IsAuthenticated == true ? languages.Find(httpContext.User.FindFirst(NewsroomClaims.InterfaceCulture)?.Value) : null;
        // Posted numbers and times are read invariantly (InvariantFormValueProviderFactory), as browsers send them,
        // so the whole request can follow the person's language.
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult((chosen ?? languages.Default).Name));
    }

    internal static bool IsEditorPath(string? path) =>
        path is not null && (path.Equals("/editor", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/editor/", StringComparison.OrdinalIgnoreCase));
}
