using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Features;

/// <summary>
/// How many SQL commands a reader page sends must not grow with what it shows: not with the number of
/// stories in a section or edition, nor with the stories on the page, nor with an article's sources,
/// corrections and translations. An N+1 (a query per story, per source…) makes the counts differ.
/// Each page also has a budget, so an extra query per page is a decision, not an accident.
/// Each test writes only to its own part of the instrumented site's database: English "science"
/// (sections), the Ukrainian edition (front page), Russian stories with translations elsewhere (articles), Russian
/// "nauka" stories with a tag of their own (tag pages).
/// </summary>
public static class QueryCountTests
{
    [Collection(InstrumentedSiteCollection.Name)]
    public sealed class SectionPage(InstrumentedSiteFactory factory)
    {
        // The count of visible stories, one page of them, the breaking banner.
        private const int Budget = 3;

        [Fact]
        public async Task IssuesSameNumberOfQueriesFor10And1000Articles()
        {
            const string url = "/en/s/science";
            var few = await PageQueries.MeasureAsync(factory, url);
            Assert.InRange(few.Page.QuerySelectorAll(".story-card").Length, 1, 9);

            await Stories.AddAsync(factory, "en", "science", 10 - few.Page.QuerySelectorAll(".story-card").Length);
            var ten = await PageQueries.MeasureAsync(factory, url);
            Assert.Equal(10, ten.Page.QuerySelectorAll(".story-card").Length);

            await Stories.AddAsync(factory, "en", "science", 990);
            var thousand = await PageQueries.MeasureAsync(factory, url);
            Assert.Equal(10, thousand.Page.QuerySelectorAll(".story-card").Length);
            Assert.Equal("Page 1 of 100", thousand.Page.QuerySelector(".pager [aria-current='page']")?.TextContent);

            PageQueries.AssertSame(few, ten, thousand);
            PageQueries.AssertWithin(Budget, thousand);
        }
    }

    [Collection(InstrumentedSiteCollection.Name)]
    public sealed class TagPage(InstrumentedSiteFactory factory)
    {
        // The tag, the count of its visible stories, one page of them, the breaking banner.
        private const int Budget = 4;

        [Fact]
        public async Task IssuesSameNumberOfQueriesFor10And1000Articles()
        {
            var url = "/ru/tag/" + Slugs.From("Счётчик запросов", SlugPolicy.Transliterate);
            await Stories.AddAsync(factory, "ru", "nauka", 10, tag: "Счётчик запросов");
            var ten = await PageQueries.MeasureAsync(factory, url);
            Assert.Equal(10, ten.Page.QuerySelectorAll(".story-card").Length);

            await Stories.AddAsync(factory, "ru", "nauka", 990, tag: "Счётчик запросов");
            var thousand = await PageQueries.MeasureAsync(factory, url);
            Assert.Equal(10, thousand.Page.QuerySelectorAll(".story-card").Length);
            Assert.EndsWith(" 100", thousand.Page.QuerySelector(".pager [aria-current='page']")?.TextContent, StringComparison.Ordinal); // "Страница 1 из 100"

            PageQueries.AssertSame(ten, thousand);
            PageQueries.AssertWithin(Budget, thousand);
        }
    }

    [Collection(InstrumentedSiteCollection.Name)]
    public sealed class FrontPage(InstrumentedSiteFactory factory)
    {
        // The count of visible stories, the top and latest stories in one query, the breaking banner.
        private const int Budget = 3;

        [Fact]
        public async Task IssuesSameNumberOfQueriesForAFewAnd1000MoreArticles()
        {
            const string url = "/uk";
            var few = await PageQueries.MeasureAsync(factory, url);
            Assert.InRange(few.Page.QuerySelectorAll(".story-card").Length, 1, 12);

            await Stories.AddAsync(factory, "uk", "svit", 1000);
            var many = await PageQueries.MeasureAsync(factory, url);
            Assert.Equal(13, many.Page.QuerySelectorAll(".story-card").Length); // 3 top stories, 10 latest

            PageQueries.AssertSame(few, many);
            PageQueries.AssertWithin(Budget, many);
        }
    }

    [Collection(InstrumentedSiteCollection.Name)]
    public sealed class ArticlePage(InstrumentedSiteFactory factory)
    {
        // The article with its picture; its contributors and its sources, named as the edition knows them;
        // its corrections; its tags; its translations; its stored related stories; the breaking banner.
        private const int Budget = 8;

        [Fact]
        public async Task IssuesSameNumberOfQueriesForOneAndManySourcesTagsTranslationsAndCorrections()
        {
            var single = await Stories.AddStoryAsync(factory, sources: 1, corrections: 1, translationsIn: ["fa"], related: 1);
            var many = await Stories.AddStoryAsync(factory, sources: 5, corrections: 5, translationsIn: ["fa", "en", "uk"], related: 4);

            var one = await PageQueries.MeasureAsync(factory, single);
            var five = await PageQueries.MeasureAsync(factory, many);

            Assert.Single(one.Page.QuerySelectorAll(".article__sources li"));
            Assert.Single(one.Page.QuerySelectorAll(".article__corrections li"));
            Assert.Single(one.Page.QuerySelectorAll(".article__translations li"));
            Assert.Single(one.Page.QuerySelectorAll(".article__tags li"));
            Assert.Equal(5, five.Page.QuerySelectorAll(".article__sources li").Length);
            Assert.Equal(5, five.Page.QuerySelectorAll(".article__corrections li").Length);
            Assert.Equal(3, five.Page.QuerySelectorAll(".article__translations li").Length);
            Assert.Single(one.Page.QuerySelectorAll(".article__author a"));
            Assert.Equal(5, five.Page.QuerySelectorAll(".article__author a").Length);
            Assert.Equal(5, five.Page.QuerySelectorAll(".article__tags li").Length);
            Assert.Single(one.Page.QuerySelectorAll(".related li"));
            Assert.Equal(4, five.Page.QuerySelectorAll(".related li").Length);

            PageQueries.AssertSame(one, five);
            PageQueries.AssertWithin(Budget, five);
        }
    }

    private sealed record Measured(string Url, IReadOnlyList<string> Sql, IHtmlDocument Page);

    private static class PageQueries
    {
        public static async Task<Measured> MeasureAsync(InstrumentedSiteFactory factory, string url)
        {
            // The edition's most-read list is worked out once and then kept in memory: measured as later requests find it.
            await factory.CreateReader().GetAsync(new Uri(url, UriKind.Relative));
            factory.Commands.Clear();
            var (response, page) = await factory.CreateReader().GetPageAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return new Measured(url, factory.Commands.SentFor(url), page);
        }

        public static void AssertSame(Measured first, params Measured[] others)
        {
            foreach (var other in others)
            {
                Assert.True(
                    first.Sql.Count == other.Sql.Count,
                    $"{first.Url} sent {first.Sql.Count} SQL commands, then {other.Sql.Count} with more to show:{Environment.NewLine}{Describe(other)}");
            }
        }

        public static void AssertWithin(int budget, Measured measured) =>
            Assert.True(measured.Sql.Count <= budget, $"{measured.Url} sent {measured.Sql.Count} SQL commands, more than its budget of {budget}:{Environment.NewLine}{Describe(measured)}");

        private static string Describe(Measured measured) => string.Join(Environment.NewLine + "--" + Environment.NewLine, measured.Sql);
    }

    private static class Stories
    {
        private static int _next;

        /// <summary>Published stories, each credited to the newsroom, a minute apart and older than the seeded ones' newest.</summary>
        public static Task<int> AddAsync(InstrumentedSiteFactory factory, string edition, string section, int count, string? tag = null) =>
            factory.QueryAsync(async db =>
            {
                var (e, s) = await SectionAsync(db, edition, section);
                var staff = await db.Sources.SingleAsync(x => x.Code == "staff");
                var topic = tag is null ? null : await TagResolver.ResolveAsync(db, e.Id, e.SlugPolicy, [tag], CancellationToken.None);
                var now = DateTime.UtcNow;
                for (var i = 0; i < count; i++)
                {
                    var article = New(e, s, now.AddMinutes(-1 - i));
                    article.Credit(staff, SourceRole.Reporting);
                    if (topic is not null)
                    {
                        article.ReplaceTags(topic);
                    }

                    db.Articles.Add(article);
                }

                return await db.SaveChangesAsync();
            });

        /// <summary>A Russian story with the first <paramref name="sources"/> sources and as many people and tags, dated corrections, a translation in each edition given and related stories; its URL.</summary>
        public static Task<string> AddStoryAsync(InstrumentedSiteFactory factory, int sources, int corrections, string[] translationsIn, int related) =>
            factory.QueryAsync(async db =>
            {
                var group = new TranslationGroup();
                db.TranslationGroups.Add(group);
                await db.SaveChangesAsync();

                var now = DateTime.UtcNow;
                var (edition, section) = await SectionAsync(db, "ru", "mir");
                var story = New(edition, section, now.AddMinutes(-30));
                foreach (var source in await db.Sources.OrderBy(x => x.Code).Take(sources).ToListAsync())
                {
                    story.Credit(source, SourceRole.Reporting);
                }

                // As many people as sources, in every role.
                story.SetContributors((await db.People.OrderBy(x => x.Id).Take(sources).Select(x => x.Id).ToListAsync())
                    .Select((id, i) => new ContributorEntry(id, (ContributorRole)(i % 6))));

                // As many of the edition's tags as sources.
                story.ReplaceTags(await db.Tags.Where(t => t.EditionId == edition.Id).OrderBy(t => t.Id).Take(sources).ToListAsync());
                for (var i = 0; i < corrections; i++)
                {
                    story.AddCorrection($"Correction {i + 1}.", now.AddMinutes(-20 + i));
                }

                story.JoinTranslationGroup(group);
                db.Articles.Add(story);
                foreach (var code in translationsIn)
                {
                    var other = await db.Editions.SingleAsync(x => x.Code == code);
                    var otherSection = await db.Sections.Where(x => x.EditionId == other.Id).OrderBy(x => x.Order).FirstAsync();
                    var translation = New(other, otherSection, now.AddMinutes(-30));
                    translation.JoinTranslationGroup(group);
                    db.Articles.Add(translation);
                }

                await db.SaveChangesAsync();
                var others = await db.Articles.Where(x => x.EditionId == edition.Id && x.Id != story.Id && x.Status == ArticleStatus.Published).OrderBy(x => x.Id).Take(related).Select(x => x.Id).ToListAsync();
                db.RelatedArticles.AddRange(others.Select((id, rank) => new RelatedArticle(story.Id, id, rank)));
                await db.SaveChangesAsync();
                return $"/ru/a/{story.Slug}/{story.Id}";
            });

        private static async Task<(Edition Edition, Section Section)> SectionAsync(NewsPortalDbContext db, string edition, string section)
        {
            var e = await db.Editions.SingleAsync(x => x.Code == edition);
            return (e, await db.Sections.SingleAsync(x => x.EditionId == e.Id && x.Slug == section));
        }

        private static Article New(Edition edition, Section section, DateTime published)
        {
            var n = Interlocked.Increment(ref _next);
            var article = new Article(edition, section, $"Query count story {n}", published) { Lead = $"The lead of story {n}." };
            article.SetBody("A paragraph.", new RenderedBody("<p>A paragraph.</p>", "A paragraph."));
            article.Publish(published);
            return article;
        }
    }
}
