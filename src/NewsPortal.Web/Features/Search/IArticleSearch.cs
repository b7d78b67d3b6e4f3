using NewsPortal.Web.Features.Articles;

namespace NewsPortal.Web.Features.Search;

/// <summary>A search result: the story and a snippet whose matches are wrapped in <see cref="SearchSnippet.MatchStart"/>/<see cref="SearchSnippet.MatchEnd"/>.</summary>
public sealed record SearchHit(int Id, string Slug, string Headline, string Lead, DateTime PublishedAt, string SectionName, string SectionSlug, string Snippet);

/// <summary>The marks around a matched word in <see cref="SearchHit.Snippet"/>; never present in stored text.</summary>
public static class SearchSnippet
{
    public const char MatchStart = '\u0002';

    public const char MatchEnd = '\u0003';
}

/// <summary>
/// Full-text search over one edition's published stories, the same on every database: all terms must match
/// (a phrase in order, a prefix as a prefix), regardless of case and accents; headline matches rank above lead
/// matches above body matches, newer first among equals; stories not yet public are never found.
/// SQLite answers through FTS5 (<see cref="SqliteArticleSearch"/>), PostgreSQL through a tsvector with a GIN index
/// in the edition's language (<see cref="PostgresArticleSearch"/>).
/// </summary>
public interface IArticleSearch
{
    Task<PagedList<SearchHit>> ExecuteAsync(int editionId, IReadOnlyList<SearchTerm> terms, int page, CancellationToken cancellationToken);
}
