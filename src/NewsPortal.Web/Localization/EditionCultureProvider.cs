using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

namespace NewsPortal.Web.Localization;

/// <summary>
/// Takes the request culture from the edition segment that opens every reader route
/// (<c>/{edition}/…</c>). A re-executed error page takes it from the URL the reader asked for,
/// so <c>/ru/a/x/999</c> answers with a Russian 404 page.
/// </summary>
public sealed class EditionCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var path = httpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? httpContext.Request.Path.Value;
        var segment = FirstSegment(path);
        return Task.FromResult(segment is null ? null : new ProviderCultureResult(segment));
    }

    internal static string? FirstSegment(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var trimmed = path.AsSpan().TrimStart('/');
        var end = trimmed.IndexOf('/');
        var segment = (end < 0 ? trimmed : trimmed[..end]).ToString();
        return Domain.Edition.IsWellFormedCode(segment) ? segment.ToLowerInvariant() : null;
    }
}
