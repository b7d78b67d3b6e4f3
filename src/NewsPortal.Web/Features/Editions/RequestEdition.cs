using Microsoft.AspNetCore.Diagnostics;

namespace NewsPortal.Web.Features.Editions;

/// <summary>
/// The edition a request asked for, resolved once and kept in the request's features: <see cref="Code"/> is the
/// first path segment when it is shaped like a language tag (lower case), <see cref="Edition"/> the edition with
/// that code, or null when there is none (the page answers 404). The request culture, the reader controllers,
/// the layout and the view components all read this one result.
/// </summary>
public sealed record RequestEdition(string? Code, EditionView? Edition);

/// <summary>
/// Reads the edition from the path the reader asked for (<c>/{edition}/…</c>). A re-executed error page reads
/// the original path, so <c>/ru/a/x/999</c> answers with a Russian 404 page.
/// </summary>
public class EditionResolver(EditionCatalog catalog)
{
    public virtual RequestEdition Resolve(HttpContext context)
    {
        var path = context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? context.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? context.Request.Path.Value;
        var code = FirstSegment(path);
        return new RequestEdition(code, catalog.Find(code));
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

public static class RequestEditionExtensions
{
    /// <summary>The request's edition, resolved on first use and read from the request's features afterwards.</summary>
    public static RequestEdition GetRequestEdition(this HttpContext context)
    {
        if (context.Features.Get<RequestEdition>() is { } resolved)
        {
            return resolved;
        }

        resolved = context.RequestServices.GetRequiredService<EditionResolver>().Resolve(context);
        context.Features.Set(resolved);
        return resolved;
    }
}
