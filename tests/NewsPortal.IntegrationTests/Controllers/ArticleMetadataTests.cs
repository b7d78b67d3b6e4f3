using System.Text.Json;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Controllers;

/// <summary>What search engines, feed readers and social previews read from an article's head.</summary>
[Collection(ReaderSiteCollection.Name)]
public class ArticleMetadataTests(NewsPortalFactory factory)
{
    private static readonly string[] RequiredNewsArticleProperties =
        ["headline", "description", "image", "datePublished", "dateModified", "author", "publisher", "inLanguage", "contributor", "workTranslation", "mainEntityOfPage"];

    [Fact]
    public async Task TheHeadHasCanonicalHreflangForEveryTranslationAndXDefault()
    {
        var url = await factory.BreakingArticleUrlAsync("ru");
        var (_, document) = await factory.CreateReader().GetPageAsync(url);
        var hreflang = document.QuerySelectorAll("link[rel='alternate'][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);

        Assert.Equal("http://localhost" + url, document.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        Assert.Equal(["en", "fa", "ru", "uk", "x-default"], hreflang.Keys.Order());
        Assert.Equal("http://localhost" + url, hreflang["ru"]);
        Assert.Equal("http://localhost" + await factory.BreakingArticleUrlAsync("en"), hreflang["x-default"]);
    }

    [Fact]
    public async Task HreflangIsReciprocalAcrossTheTranslations()
    {
        var client = factory.CreateReader();
        var pages = new Dictionary<string, Dictionary<string, string>>();
        foreach (var edition in new[] { "en", "ru", "uk", "fa" })
        {
            var url = "http://localhost" + await factory.BreakingArticleUrlAsync(edition);
            var (_, document) = await client.GetPageAsync(new Uri(url).PathAndQuery);
            pages[url] = document.QuerySelectorAll("link[rel='alternate'][hreflang]").Where(l => l.GetAttribute("hreflang") != "x-default")
                .ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
        }

        foreach (var (url, alternates) in pages)
        {
            foreach (var target in alternates.Values)
            {
                Assert.True(pages.ContainsKey(target), $"{url} points to {target}, which is not a translation page");
                Assert.Contains(url, pages[target].Values);
            }
        }
    }

    [Fact]
    public async Task OpenGraphAndTwitterCardsDescribeTheStoryWithA16By9Image()
    {
        var (_, document) = await factory.CreateReader().GetPageAsync(await factory.BreakingArticleUrlAsync("en"));
        string Meta(string key) => document.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content") ?? "";

        Assert.Equal("article", Meta("og:type"));
        Assert.Equal(document.QuerySelector("h1").Text(), Meta("og:title"));
        Assert.Equal(document.QuerySelector(".article__lead").Text(), Meta("og:description"));
        Assert.StartsWith("http://localhost/media/", Meta("og:image"), StringComparison.Ordinal);
        Assert.Equal(16.0 / 9.0, double.Parse(Meta("og:image:width"), System.Globalization.CultureInfo.InvariantCulture) / double.Parse(Meta("og:image:height"), System.Globalization.CultureInfo.InvariantCulture), 2);
        Assert.False(string.IsNullOrWhiteSpace(Meta("og:image:alt")));
        Assert.Equal("summary_large_image", Meta("twitter:card"));
        Assert.Equal(Meta("og:image"), Meta("twitter:image"));

        var image = await factory.CreateReader().GetAsync(new Uri(new Uri(Meta("og:image")).PathAndQuery, UriKind.Relative));
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        // Short-lived, not immutable: a picture can be taken down (see LeadImageLifecycleTests).
        Assert.Equal(TimeSpan.FromMinutes(5), image.Headers.CacheControl?.MaxAge);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fa")]
    public async Task JsonLdIsAValidNewsArticleWithTheRequiredProperties(string edition)
    {
        var url = await factory.BreakingArticleUrlAsync(edition);
        var (_, document) = await factory.CreateReader().GetPageAsync(url);
        var script = document.QuerySelector("script[type='application/ld+json']");
        Assert.NotNull(script);

        using var json = JsonDocument.Parse(script.TextContent);
        var root = json.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("NewsArticle", root.GetProperty("@type").GetString());
        foreach (var property in RequiredNewsArticleProperties)
        {
            Assert.True(root.TryGetProperty(property, out _), $"missing {property}");
        }

        Assert.Equal(document.QuerySelector("h1").Text(), root.GetProperty("headline").GetString());
        Assert.Equal(edition, root.GetProperty("inLanguage").GetString());
        Assert.True(DateTime.TryParse(root.GetProperty("datePublished").GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));
        Assert.Equal("Person", root.GetProperty("author")[0].GetProperty("@type").GetString());
        Assert.Equal("NewsMediaOrganization", root.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.Equal(3, root.GetProperty("workTranslation").GetArrayLength());
        Assert.Contains(root.GetProperty("contributor").EnumerateArray(), c => c.GetProperty("name").GetString() == "Associated Press" || (c.TryGetProperty("alternateName", out var alternate) && alternate.GetString() == "آسوشیتدپرس"));
    }

    /// <summary>Properties schema.org defines for NewsArticle (and its parents) and for the nested types used.</summary>
    private static readonly HashSet<string> SchemaOrgProperties =
    [
        "@context", "@type", "@id", "mainEntityOfPage", "url", "headline", "description", "inLanguage", "articleSection",
        "datePublished", "dateModified", "author", "publisher", "image", "contributor", "workTranslation", "translator", "keywords",
        "name", "alternateName", "logo",

        // LiveBlogPosting (https://schema.org/LiveBlogPosting) and the BlogPosting of each update.
        "coverageStartTime", "coverageEndTime", "liveBlogUpdate", "articleBody",
    ];

    [Theory]
    [InlineData("breaking")]
    [InlineData("live")]
    public async Task JsonLdUsesOnlySchemaOrgPropertyNames(string story)
    {
        var url = story == "live" ? await factory.ArticleUrlAsync("en", a => a.IsLiveCoverage) : await factory.BreakingArticleUrlAsync("en");
        var (_, document) = await factory.CreateReader().GetPageAsync(url);
        using var json = JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var unknown = new List<string>();
        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (!SchemaOrgProperties.Contains(property.Name))
                    {
                        unknown.Add(property.Name);
                    }

                    Walk(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }

        Walk(json.RootElement);
        Assert.Empty(unknown);
    }

    [Fact]
    public async Task JsonLdCannotBreakOutOfItsScriptElement()
    {
        var (_, document) = await factory.CreateReader().GetPageAsync(await factory.BreakingArticleUrlAsync("en"));
        var raw = document.QuerySelector("script[type='application/ld+json']")!.InnerHtml;
        Assert.DoesNotContain("<", raw, StringComparison.Ordinal);
    }
}
