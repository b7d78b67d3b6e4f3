using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Features;

/// <summary>The banner shows the newest story readers may see whose breaking flag has not expired (Persian edition of the instrumented site).</summary>
[Collection(InstrumentedSiteCollection.Name)]
public class BreakingStoryTests(InstrumentedSiteFactory factory)
{
    [Fact]
    public async Task TheBannerShowsTheNewestVisibleStoryWithAnUnexpiredFlag()
    {
        var expected = await factory.QueryAsync(async db =>
        {
            var edition = await db.Editions.SingleAsync(e => e.Code == "fa");
            var section = await db.Sections.SingleAsync(s => s.EditionId == edition.Id && s.Slug == "elm");
            var now = DateTime.UtcNow;

            Article Story(string headline, DateTime? publishedAt, DateTime breakingUntil)
            {
                var article = new Article(edition, section, headline, now.AddHours(-4)) { Lead = headline };
                article.SetBody(headline, new RenderedBody($"<p>{headline}</p>", headline));
                article.MarkBreakingUntil(breakingUntil);
                if (publishedAt is { } at)
                {
                    article.Publish(at);
                }

                db.Articles.Add(article);
                return article;
            }

            Story("Older breaking", now.AddHours(-3), now.AddDays(1));
            var newest = Story("Newest breaking", now.AddMinutes(-2), now.AddDays(1));
            Story("Newer, flag expired", now.AddMinutes(-1), now.AddMinutes(-1));
            Story("Breaking, not published yet", now.AddHours(1), now.AddDays(1));
            Story("Breaking draft", null, now.AddDays(1));
            await db.SaveChangesAsync();
            return newest.Id;
        });

        var (_, page) = await factory.CreateReader().GetPageAsync("/fa/s/elm");

        var link = page.QuerySelector("section.breaking-banner a")?.GetAttribute("href");
        Assert.NotNull(link);
        Assert.EndsWith($"/{expected}", link, StringComparison.Ordinal);
    }
}
