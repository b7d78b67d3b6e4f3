using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Data;

[Collection(ReaderSiteCollection.Name)]
public class DatabaseStartupTests(NewsPortalFactory factory)
{
    [Fact]
    public async Task AnEmptyDatabaseIsSeededWithTheDemoNewsroom()
    {
        var (editions, articles, sources, groups) = await factory.QueryAsync(async db => (
            await db.Editions.Select(e => e.Code).ToListAsync(),
            await db.Articles.CountAsync(a => a.Status == ArticleStatus.Published),
            await db.Sources.Select(s => s.Code).ToListAsync(),
            await db.TranslationGroups.CountAsync(g => g.Articles.Count > 1)));

        Assert.Superset(new HashSet<string> { "en", "ru", "uk", "fa" }, editions.ToHashSet());
        Assert.True(articles >= 16, $"{articles} articles");
        Assert.Superset(new HashSet<string> { "ap", "afp", "tass", "reuters", "staff" }, sources.ToHashSet());
        Assert.True(groups >= 3, $"{groups} translation groups");
    }

    [Fact]
    public async Task EveryDemoArticleHasAPictureWithAltTextCaptionAndCredit()
    {
        var images = await factory.QueryAsync(db => db.Articles.Select(a => a.LeadImage).ToListAsync());
        Assert.All(images, image =>
        {
            Assert.NotNull(image);
            Assert.False(string.IsNullOrWhiteSpace(image.AltText));
            Assert.False(string.IsNullOrWhiteSpace(image.Caption));
            Assert.False(string.IsNullOrWhiteSpace(image.Credit));
            foreach (var width in image.AvailableWidths)
            {
                Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "media", Image.RenditionFileName(image.StorageKey, width))));
            }
        });
    }

    [Fact]
    public async Task OneEditionIsRightToLeftAndOneStoryIsBreaking()
    {
        var (rtl, breaking) = await factory.QueryAsync(async db => (
            await db.Editions.CountAsync(e => e.Direction == TextDirection.Rtl),
            await db.Articles.CountAsync(a => a.BreakingUntil != null)));

        Assert.True(rtl >= 1);
        Assert.True(breaking >= 1);
    }

    [Fact]
    public async Task ForeignKeysAreEnforced()
    {
        var ex = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => factory.QueryAsync(db =>
            db.Database.ExecuteSqlRawAsync("INSERT INTO \"Sections\" (\"EditionId\", \"Name\", \"Slug\", \"Order\") VALUES (9999, 'x', 'x', 0)")));
        Assert.Contains("FOREIGN KEY", ex.Message, StringComparison.OrdinalIgnoreCase);
    }
}
