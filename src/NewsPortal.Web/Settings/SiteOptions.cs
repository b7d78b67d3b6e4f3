using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Settings;

/// <summary>The <c>Site</c> section: what readers see and the limits on what they may ask.</summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string SectionName = "Site";

    [Required]
    public string Name { get; set; } = "NewsPortal";

    /// <summary>
    /// The site's canonical scheme and host (<c>https://news.example.org</c>): every absolute URL in pages,
    /// feeds and sitemaps is built on it, never on the request's <c>Host</c> header.
    /// </summary>
    [Required]
    public string BaseUrl { get; set; } = "";

    /// <summary>
    /// The addresses of the reverse proxies (nginx, a load balancer) whose <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c> the site believes: the client's address (for rate limits and the audit log) and
    /// whether the reader came over HTTPS (for HSTS). A header from any other address is ignored.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary><see cref="BaseUrl"/> as a URI, checked at startup.</summary>
    public Uri BaseUri => new(BaseUrl, UriKind.Absolute);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in TrustedProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"Site:TrustedProxies holds \"{proxy}\", which is not an IP address.", [nameof(TrustedProxies)]);
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            yield return new ValidationResult(
                $"Site:BaseUrl must be the site's scheme and host, such as https://news.example.org (it is \"{BaseUrl}\").",
                [nameof(BaseUrl)]);
        }
    }

    [Range(1, 100)]
    public int PageSize { get; set; } = 10;

    [Range(0, 20)]
    public int TopStoriesCount { get; set; } = 3;

    /// <summary>Page numbers above this answer 400: no reader pages that deep, crawlers should not.</summary>
    [Range(1, 100_000)]
    public int MaxPage { get; set; } = 1000;

    [Range(256, 65_536)]
    public int MaxQueryStringLength { get; set; } = 2048;

    /// <summary>Longer search queries are refused with a message rather than run.</summary>
    [Range(10, 1000)]
    public int MaxSearchLength { get; set; } = 200;

    /// <summary>Article URLs per sitemap file; the sitemap protocol allows at most 50,000.</summary>
    [Range(1, 50_000)]
    public int SitemapUrlsPerFile { get; set; } = 50_000;

    /// <summary>Sign-in attempts one client address may make per minute; more answer 429.</summary>
    [Range(1, 10_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>How often the scheduler looks for articles due to be published.</summary>
    [Range(1, 3600)]
    public int SchedulerIntervalSeconds { get; set; } = 30;

    /// <summary>Searches one client address may run per minute; more answer 429.</summary>
    [Range(1, 10_000)]
    public int SearchesPerMinute { get; set; } = 30;
}
