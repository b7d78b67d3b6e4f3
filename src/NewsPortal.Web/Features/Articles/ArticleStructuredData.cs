using System.Text.Json.Nodes;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Articles;

/// <summary>
/// schema.org <c>NewsArticle</c> for an article page (JSON-LD): what search engines and social
/// previews read. The wire sources are <c>contributor</c> organisations, translations are
/// <c>workTranslation</c> links.
/// </summary>
public static class ArticleStructuredData
{
    public static JsonObject For(ArticlePage article, Uri url, Uri? imageUrl, string siteName, Uri siteUrl, Func<TranslationLink, Uri> translationUrl)
    {
        var data = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["@id"] = url.AbsoluteUri,
            ["mainEntityOfPage"] = url.AbsoluteUri,
            ["url"] = url.AbsoluteUri,
            ["headline"] = article.Headline,
            ["description"] = article.Lead,
            ["inLanguage"] = article.Edition.Code,
            ["articleSection"] = article.Section.Name,
            ["datePublished"] = Iso(article.PublishedAt),
            ["dateModified"] = Iso(article.UpdatedAt ?? article.PublishedAt),
            // An article without a byline readers may see (see PublicByline) is credited to the publisher.
            ["author"] = new JsonArray(article.Author.Length > 0
                ? new JsonObject { ["@type"] = "Person", ["name"] = article.Author }
                : new JsonObject { ["@type"] = "NewsMediaOrganization", ["name"] = siteName, ["url"] = siteUrl.AbsoluteUri }),
            ["publisher"] = new JsonObject
            {
                ["@type"] = "NewsMediaOrganization",
                ["name"] = siteName,
                ["url"] = siteUrl.AbsoluteUri,
                ["logo"] = new JsonObject { ["@type"] = "ImageObject", ["url"] = new Uri(siteUrl, "/favicon.svg").AbsoluteUri },
            },
        };

        if (imageUrl is not null)
        {
            data["image"] = new JsonArray(imageUrl.AbsoluteUri);
        }

        var contributors = new JsonArray();
        foreach (var source in article.Sources.Where(s => s.Kind != SourceKind.Staff).DistinctBy(s => s.Code))
        {
            contributors.Add(new JsonObject { ["@type"] = "NewsMediaOrganization", ["name"] = source.FullName, ["alternateName"] = source.ShortName });
        }

        if (contributors.Count > 0)
        {
            data["contributor"] = contributors;
        }

        if (article.Translations.Count > 0)
        {
            data["workTranslation"] = new JsonArray([.. article.Translations.Select(t => (JsonNode)new JsonObject
            {
                ["@type"] = "NewsArticle",
                ["@id"] = translationUrl(t).AbsoluteUri,
                ["url"] = translationUrl(t).AbsoluteUri,
                ["headline"] = t.Headline,
                ["inLanguage"] = t.Edition.Code,
            })]);
        }

        return data;
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
