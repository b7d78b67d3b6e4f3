namespace NewsPortal.Web.Features.ReaderCache;

/// <summary>
/// Something an instance keeps in memory that shows articles (the most-read lists): told which articles a committed
/// save changed, just before the reader pages that show them are evicted (and again at the second eviction), so that
/// the pages rendered next do not take the old version from it.
/// </summary>
public interface IArticleChangeListener
{
    void ArticlesChanged(IReadOnlyCollection<int> articleIds);
}
