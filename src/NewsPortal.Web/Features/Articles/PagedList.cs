namespace NewsPortal.Web.Features.Articles;

/// <summary>One page of a longer list, numbered from 1.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 1 : (int)Math.Ceiling(TotalCount / (double)PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < TotalPages;

    /// <summary>A page past the last one does not exist (the first page always does, even when empty).</summary>
    public bool Exists => Page == 1 || Page <= TotalPages;
}
