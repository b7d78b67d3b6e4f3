using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editions;

namespace NewsPortal.IntegrationTests.Localization;

/// <summary>
/// A site with an Arabic edition, a language no code of the portal names: its interface, list pattern,
/// six plural categories and date layout come from SharedResource.ar.resx and the platform's CLDR data.
/// </summary>
public sealed class ArabicEditionFactory : NewsPortalFactory
{
    public static readonly DateTime PublishedAt = new(2026, 3, 5, 14, 30, 0, DateTimeKind.Utc);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Localization:SupportedCultures:4"] = "ar",
        }));
    }

    public async Task AddArabicEditionAsync()
    {
        await this.QueryAsync(async db =>
        {
            if (await db.Editions.AnyAsync(e => e.Code == "ar"))
            {
                return 0;
            }

            var edition = new Edition("ar", "العربية", "Arabic", TextDirection.Rtl, ["EG", "SA", "IQ"], SlugPolicy.Native) { SortOrder = 5 };
            var section = new Section(edition, "العالم", "world", 1);
            db.Editions.Add(edition);
            db.Sections.Add(section);

            var sources = await db.Sources.Include(s => s.LocalNames).Where(s => s.Code == "ap" || s.Code == "afp" || s.Code == "tass").ToListAsync();
            sources.Single(s => s.Code == "tass").SetLocalName("ar", "تاس", "وكالة تاس");

            var article = new Article(edition, section, "اتفاق جديد على حماية الأنهار المشتركة", PublishedAt.AddHours(-1))
            {
                Lead = "وقّعت دول المنبع والمصب اتفاقًا لتقاسم بيانات المياه.",
            };
            article.SetBody("نص الخبر.", new RenderedBody("<p>نص الخبر.</p>", "نص الخبر."));
            foreach (var code in new[] { "ap", "afp", "tass" })
            {
                article.Credit(sources.Single(s => s.Code == code), SourceRole.Reporting);
            }

            article.Publish(PublishedAt);
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            await Service<EditionCatalog>().ReloadAsync(db, CancellationToken.None);
            return article.Id;
        });
    }
}

public class NewLanguageEditionTests(ArabicEditionFactory factory) : IClassFixture<ArabicEditionFactory>
{
    // Interface text of the neutral (English) resource file that the Arabic pages must not show.
    private static readonly string[] EnglishInterface =
    [
        "Breaking News", "Top stories", "Latest", "Published", "With reporting by", "About the sources",
        "languages", "countries", "Skip to", "Search the news", "journalists report", "Feeds", "UTC.",
    ];

    [Fact]
    public async Task TheFrontPageReadsInArabicRightToLeftWithArabicCounts()
    {
        await factory.AddArabicEditionAsync();
        var (response, document) = await factory.CreateReader().GetPageAsync("/ar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PageAssertions.KeepsTheAccessibilityContract(document, "ar", "rtl");
        // Five languages (few) in thirteen countries (many).
        Assert.Equal("ينقل صحفيو NewsPortal الأخبار بـ5 لغات في 13 بلدًا.", document.QuerySelector("footer .about-blurb")!.Text().Trim());
        Assert.Contains("اتفاق جديد على حماية الأنهار المشتركة", document.Body!.TextContent, StringComparison.Ordinal);
        AssertNoEnglishInterface(document);
    }

    [Fact]
    public async Task TheSectionPageReadsInArabic()
    {
        await factory.AddArabicEditionAsync();
        var (response, document) = await factory.CreateReader().GetPageAsync("/ar/s/world");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PageAssertions.KeepsTheAccessibilityContract(document, "ar", "rtl");
        Assert.Equal("العالم", document.QuerySelector("h1")!.Text().Trim());
        AssertNoEnglishInterface(document);
    }

    [Fact]
    public async Task TheArticleJoinsItsSourcesAndDatesItInArabic()
    {
        await factory.AddArabicEditionAsync();
        var url = await factory.ArticleUrlAsync("ar", _ => true);
        var (response, document) = await factory.CreateReader().GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PageAssertions.KeepsTheAccessibilityContract(document, "ar", "rtl");
        Assert.Equal("شارك في التغطية AP وAFP وتاس", document.QuerySelector(".article__credit p")!.Text().Trim());
        var published = document.QuerySelector(".article__meta time")!.Text();
        Assert.Contains("مارس", published, StringComparison.Ordinal);
        Assert.Contains("الساعة 14:30 (UTC)", published, StringComparison.Ordinal);
        AssertNoEnglishInterface(document);
    }

    private static void AssertNoEnglishInterface(IHtmlDocument document)
    {
        var text = document.Title + document.Body!.TextContent + string.Join(" ", document.All.Select(e => e.GetAttribute("aria-label") ?? ""));
        Assert.All(EnglishInterface, english => Assert.DoesNotContain(english, text, StringComparison.Ordinal));
    }
}
