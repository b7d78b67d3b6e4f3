namespace NewsPortal.Web.Views;

/// <summary>
/// What a reader page tells the layout about itself: its title and description, canonical URL, the links to its
/// versions in the other editions, the section it belongs to, the search it shows and whether it is an editor's
/// preview. Views and controllers add to it (<see cref="Update"/>); the reader layout reads it (<see cref="Of"/>).
/// It lives in the request's features, and an error page starts again from <see cref="Empty"/>.
/// </summary>
public sealed record PageMetadata
{
    public static readonly PageMetadata Empty = new();

    /// <summary>The page's own title; the layout adds the site's name. Null on the front page of the site.</summary>
    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>The page's absolute canonical URL.</summary>
    public string? Canonical { get; init; }

    /// <summary>The page's versions in other editions, by edition code; other editions link to their front page.</summary>
    public IReadOnlyDictionary<string, string>? LanguageLinks { get; init; }

    /// <summary>The slug of the section the page belongs to, marked as current in the navigation.</summary>
    public string? CurrentSection { get; init; }

    /// <summary>The search the page shows, kept in the header's search box.</summary>
    public string? SearchQuery { get; init; }

    /// <summary>An editor's preview of unpublished work: marked as such and kept out of search engines.</summary>
    public bool IsPreview { get; init; }

    /// <summary>The metadata given so far for the page <paramref name="context"/> renders.</summary>
    public static PageMetadata Of(HttpContext context) => context.Features.Get<PageMetadata>() ?? Empty;

    /// <summary>Adds to the page's metadata: <c>PageMetadata.Update(Context, m => m with { Title = … })</c>.</summary>
    public static PageMetadata Update(HttpContext context, Func<PageMetadata, PageMetadata> change)
    {
        var updated = change(Of(context));
        context.Features.Set(updated);
        return updated;
    }

    /// <summary>Starts the page's metadata again (an error page rendered in place of the one that failed).</summary>
    public static void Reset(HttpContext context) => context.Features.Set<PageMetadata>(null);

    /// <summary>Marks the page as an editor's preview.</summary>
    public static void MarkPreview(HttpContext context) => Update(context, m => m with { IsPreview = true });
}
