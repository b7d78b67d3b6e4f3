namespace NewsPortal.Web.Features.ReaderCache;

/// <summary>
/// Something that keeps its own copy of reader pages (the static mirror): told, after a save has committed, the
/// reader-cache tags it evicted, so it can render again exactly the pages that show what changed.
/// </summary>
public interface IReaderPagesChangedListener
{
    void PagesChanged(IReadOnlySet<string> tags);
}
