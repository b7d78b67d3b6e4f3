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
    /// <param name="updateUrl">A live update's permanent address (the page that starts with it), for live coverage.</param>
    /// <param name="authorUrl">A person's author page in the article's edition.</param>
    public static JsonObject For(ArticlePage article, Uri url, Uri? imageUrl, string siteName, Uri siteUrl, Func<TranslationLink, Uri> translationUrl, Func<People.PersonCredit, Uri> authorUrl, Func<long, Uri>? updateUrl = null)
    {
        var modified = article.UpdatedAt ?? article.PublishedAt;
        if (article.Coverage?.LastPostedAt > modified)
        {
            modified = article.Coverage.LastPostedAt.Value;
        }

        var data = new JsonObject
        {
            ["@context"] = "https://schema.org",
            // Live coverage is a LiveBlogPosting (a kind of article) whose updates are its liveBlogUpdate entries.
            ["@type"] = article.Coverage is null ? "NewsArticle" : "LiveBlogPosting",
            ["@id"] = url.AbsoluteUri,
            ["mainEntityOfPage"] = url.AbsoluteUri,
            ["url"] = url.AbsoluteUri,
            ["headline"] = article.Headline,
            ["description"] = article.Lead,
            ["inLanguage"] = article.Edition.Code,
            ["articleSection"] = article.Section.Name,
            ["datePublished"] = Iso(article.PublishedAt),
            ["dateModified"] = Iso(modified),
            // Those who wrote or reported it; a story credited to nobody is credited to the publisher.
            ["author"] = Authors(article.Contributors, authorUrl, siteName, siteUrl),
            ["publisher"] = new JsonObject
            {
                ["@type"] = "NewsMediaOrganization",
                ["name"] = siteName,
                ["url"] = siteUrl.AbsoluteUri,
                ["logo"] = new JsonObject { ["@type"] = "ImageObject", ["url"] = new Uri(siteUrl, "/favicon.svg").AbsoluteUri },
            },
        };

        if (article.Tags.Count > 0)
        {
            data["keywords"] = new JsonArray([.. article.Tags.Select(t => (JsonNode)t.Name)]);
        }

        if (imageUrl is not null)
        {
            data["image"] = new JsonArray(imageUrl.AbsoluteUri);
        }

        var translators = People(article.Contributors.Where(c => c.Role == ContributorRole.Translation), authorUrl);
        if (translators.Count > 0)
        {
            data["translator"] = translators;
        }

        var contributors = People(article.Contributors.Where(c => c.Role is ContributorRole.Photo or ContributorRole.Video or ContributorRole.Editing), authorUrl);
        foreach (var source in article.Sources.Where(s => s.Kind != SourceKind.Staff).DistinctBy(s => s.Code))
        {
            contributors.Add(new JsonObject { ["@type"] = "NewsMediaOrganization", ["name"] = source.FullName, ["alternateName"] = source.ShortName });
        }

        if (contributors.Count > 0)
        {
            data["contributor"] = contributors;
        }

        if (article.Coverage is { } coverage)
        {
            data["coverageStartTime"] = Iso(coverage.StartedAt);
            if (coverage.EndedAt is { } ended)
            {
                data["coverageEndTime"] = Iso(ended);
            }

            data["liveBlogUpdate"] = new JsonArray([.. coverage.Updates.Where(u => !u.IsRemoved).Select(u => (JsonNode)Update(u, updateUrl, url, article, siteName, siteUrl, authorUrl))]);
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

    /// <summary>A <c>Person</c> per credited person (a pen name is a person of its own: only its name and page), once each.</summary>
    private static JsonArray People(IEnumerable<People.PersonCredit> credits, Func<People.PersonCredit, Uri> authorUrl) =>
        new([.. credits.DistinctBy(c => c.PersonId).Select(c => (JsonNode)new JsonObject
        {
            ["@type"] = "Person",
            ["name"] = c.Name,
            ["url"] = authorUrl(c).AbsoluteUri,
        })]);

    private static JsonArray Authors(IReadOnlyList<People.PersonCredit> credits, Func<People.PersonCredit, Uri> authorUrl, string siteName, Uri siteUrl)
    {
        var authors = People(credits.Where(c => c.Role is ContributorRole.Writing or ContributorRole.Reporting), authorUrl);
        if (authors.Count == 0)
        {
            authors.Add(new JsonObject { ["@type"] = "NewsMediaOrganization", ["name"] = siteName, ["url"] = siteUrl.AbsoluteUri });
        }

        return authors;
    }

    private static JsonObject Update(LiveCoverage.LiveUpdateView update, Func<long, Uri>? updateUrl, Uri coverageUrl, ArticlePage article, string siteName, Uri siteUrl, Func<People.PersonCredit, Uri> authorUrl)
    {
        var address = new Uri((updateUrl?.Invoke(update.Id) ?? coverageUrl).AbsoluteUri.Split('#')[0] + "#" + update.Anchor).AbsoluteUri;
        var text = string.Join("\n\n", new[] { update.BodyText, update.QuoteText is null ? null : $"“{update.QuoteText}”" + (update.QuoteAttribution is null ? "" : " — " + update.QuoteAttribution) }
            .Where(t => !string.IsNullOrWhiteSpace(t)));
        var posting = new JsonObject
        {
            ["@type"] = "BlogPosting",
            ["@id"] = address,
            ["url"] = address,
            ["headline"] = update.Title ?? LiveCoverage.Anchors.Shorten(text, 110),
            ["datePublished"] = Iso(update.PostedAt),
            ["dateModified"] = Iso(update.CorrectedAt ?? update.PostedAt),
            ["articleBody"] = text,
            ["inLanguage"] = article.Edition.Code,
            ["author"] = Authors(update.Contributors, authorUrl, siteName, siteUrl),
        };
        if (update.Image is { } image)
        {
            posting["image"] = new Uri(siteUrl, image.Src(image.Widths[^1])).AbsoluteUri;
        }

        return posting;
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
