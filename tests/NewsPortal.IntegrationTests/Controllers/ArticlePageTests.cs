using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Controllers;

[Collection(ReaderSiteCollection.Name)]
public class ArticlePageTests(NewsPortalFactory factory)
{
    private Task<string> GrainTalksUrl(string edition) =>
        factory.ArticleUrlAsync(edition, a => a.Sources.Any(s => s.Source.Code == "tass") && a.Sources.Any(s => s.Source.Code == "reuters"));

    [Fact]
    public async Task PersianDatesUsePersianDigitsAndThePersianCommaInTheSolarHijriCalendar()
    {
        var url = await factory.BreakingArticleUrlAsync("fa");
        var (_, document) = await factory.CreateReader().GetPageAsync(url);
        var (_, front) = await factory.CreateReader().GetPageAsync("/fa");
        var times = document.QuerySelectorAll(".article__meta time").Concat(front.QuerySelectorAll(".story-card__meta time")).ToList();

        Assert.NotEmpty(times);
        Assert.All(times, time =>
        {
            var text = time.Text();
            Assert.DoesNotMatch("[0-9,]", text);
            Assert.Matches("[۰-۹]", text);
            Assert.Contains("،", text, StringComparison.Ordinal);
            // The datetime attribute stays machine-readable: Gregorian, Latin digits.
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T", time.GetAttribute("datetime")!);
        });

        // The solar hijri year of the publication date, written in Persian digits (1405 in late 2026).
        var published = DateTime.Parse(times[0].GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var year = new System.Globalization.PersianCalendar().GetYear(published).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(string.Concat(year.Select(d => (char)('۰' + (d - '0')))), times[0].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsEveryPartOfTheReferencePage()
    {
        var url = await factory.BreakingArticleUrlAsync("en");
        var (response, document) = await factory.CreateReader().GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PageAssertions.KeepsTheAccessibilityContract(document, "en", "ltr");
        Assert.NotNull(document.QuerySelector("section.breaking-banner"));
        var article = document.QuerySelector("main article")!;
        Assert.False(string.IsNullOrWhiteSpace(article.QuerySelector("h1").Text()));
        Assert.False(string.IsNullOrWhiteSpace(article.QuerySelector(".article__lead").Text()));
        Assert.NotEmpty(article.QuerySelectorAll(".article__body blockquote"));
        Assert.NotEmpty(article.QuerySelectorAll(".article__body h2"));
        Assert.NotEmpty(article.QuerySelectorAll(".article__body p"));

        var image = article.QuerySelector("figure.figure-16x9 img")!;
        Assert.False(string.IsNullOrWhiteSpace(image.GetAttribute("alt")));
        Assert.Equal("1600", image.GetAttribute("width"));
        Assert.Equal("900", image.GetAttribute("height"));
        Assert.Contains("480w", image.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(article.QuerySelector("figcaption .figure__caption").Text()));
        Assert.False(string.IsNullOrWhiteSpace(article.QuerySelector("figcaption .figure__credit").Text()));

        var published = article.QuerySelector(".article__meta time")!;
        Assert.True(DateTime.TryParse(published.GetAttribute("datetime"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal, out _));
        Assert.Contains("UTC", published.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCreditLineIsGeneratedFromTheSourcesInEnglish()
    {
        var (_, document) = await factory.CreateReader().GetPageAsync(await GrainTalksUrl("en"));
        Assert.Equal("With reporting by Reuters, TASS, and AFP", document.QuerySelector(".article__credit p").Text());
    }

    [Fact]
    public async Task TheCreditLineUsesTheEditionsWordsAndConjunctionInRussian()
    {
        var (_, document) = await factory.CreateReader().GetPageAsync(await GrainTalksUrl("ru"));
        Assert.Equal("По материалам Рейтер и ТАСС", document.QuerySelector(".article__credit p").Text());
    }

    [Fact]
    public async Task AboutTheSourcesNamesStateMediaAsSuch()
    {
        var (_, document) = await factory.CreateReader().GetPageAsync(await GrainTalksUrl("en"));
        var tass = document.QuerySelectorAll(".article__sources li").Single(li => li.Text().StartsWith("TASS", StringComparison.Ordinal));
        Assert.Contains("state-controlled media", tass.Text(), StringComparison.Ordinal);
        Assert.Equal("/en/source/tass", tass.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task LinksToTheSameStoryInOtherEditionsWithTheirLanguage()
    {
        var (_, document) = await factory.CreateReader().GetPageAsync(await factory.BreakingArticleUrlAsync("en"));
        var translations = document.QuerySelectorAll(".article__translations li");

        Assert.Equal(["ru", "uk", "fa"], translations.Select(li => li.GetAttribute("lang")));
        Assert.Equal("rtl", translations.Single(li => li.GetAttribute("lang") == "fa").GetAttribute("dir"));
        var faUrl = await factory.BreakingArticleUrlAsync("fa");
        Assert.Contains(translations, li => li.QuerySelector("a")!.GetAttribute("href") == faUrl);

        // The language switcher goes straight to the translation, and head links carry hreflang.
        Assert.Equal(faUrl, document.QuerySelector("nav.language-navigation a[lang='fa']")!.GetAttribute("href"));
        // Itself, its three translations and x-default.
        Assert.Equal(5, document.QuerySelectorAll("link[rel='alternate'][hreflang]").Length);
    }

    [Fact]
    public async Task ThePersianArticleIsRightToLeftWithPersianDates()
    {
        var url = await factory.BreakingArticleUrlAsync("fa");
        var (response, document) = await factory.CreateReader().GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PageAssertions.KeepsTheAccessibilityContract(document, "fa", "rtl");
        Assert.Equal("خبر فوری", document.QuerySelector(".breaking-banner__label").Text());
        // The Persian edition shows the Solar Hijri calendar in Persian digits: year ۱۴xx, not 20xx.
        Assert.Contains("۱۴", document.QuerySelector(".article__meta time").Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("۲۰۲", document.QuerySelector(".article__meta time").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaleSlugAnswers301ToTheCanonicalUrl()
    {
        var url = await GrainTalksUrl("en");
        var id = url[(url.LastIndexOf('/') + 1)..];
        var response = await factory.CreateReader().GetAsync(new Uri($"/en/a/an-old-headline/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(url, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheWrongEditionAnswers301ToTheArticlesOwnEdition()
    {
        var url = await GrainTalksUrl("ru");
        var slugAndId = url["/ru".Length..];
        var response = await factory.CreateReader().GetAsync(new Uri($"/en{slugAndId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(url, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task APersianSlugRoundTripsThroughTheUrl()
    {
        var url = await factory.ArticleUrlAsync("fa", a => a.TranslationGroupId is not null && a.BreakingUntil is null);
        Assert.Contains("%D8", url, StringComparison.Ordinal);
        var response = await factory.CreateReader().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownArticleIsALocalized404()
    {
        var (response, document) = await factory.CreateReader().GetPageAsync("/ru/a/net-takoy/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ru", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Страница не найдена", document.QuerySelector("h1").Text());
    }
}
