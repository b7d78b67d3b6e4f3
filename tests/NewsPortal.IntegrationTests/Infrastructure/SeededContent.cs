using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>Finds demo content in the test database, so tests never depend on generated ids.</summary>
public static class SeededContent
{
    public static async Task<T> QueryAsync<T>(this NewsPortalFactory factory, Func<NewsPortalDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NewsPortalDbContext>());
    }

    /// <summary>The canonical URL of the published article in <paramref name="edition"/> whose headline contains <paramref name="headlinePart"/>.</summary>
    public static Task<string> ArticleUrlAsync(this NewsPortalFactory factory, string edition, Func<Article, bool> match) =>
        factory.QueryAsync(async db =>
        {
            var articles = await db.Articles.Include(a => a.Edition).Include(a => a.Sources).ThenInclude(s => s.Source).Where(a => a.Edition.Code == edition).ToListAsync();
            var article = articles.First(match);
            return $"/{edition}/a/{Uri.EscapeDataString(article.Slug)}/{article.Id}";
        });

    /// <summary>The translation key used in the seed files is not stored: translated stories are found by group.</summary>
    public static Task<string> BreakingArticleUrlAsync(this NewsPortalFactory factory, string edition) =>
        factory.ArticleUrlAsync(edition, a => a.BreakingUntil is not null);
}
