using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>The accessibility contract every reader page keeps.</summary>
public static class PageAssertions
{
    public static void KeepsTheAccessibilityContract(IHtmlDocument document, string lang, string dir)
    {
        var html = document.DocumentElement;
        Assert.Equal(lang, html.GetAttribute("lang"));
        Assert.Equal(dir, html.GetAttribute("dir"));

        // The first three links of the page are the accessibility links, and their targets exist.
        var links = document.QuerySelectorAll("a[href]").Take(3).ToList();
        Assert.Equal(["#main-content", "#main-navigation", "#search-query"], links.Select(a => a.GetAttribute("href")));
        Assert.All(links, link => Assert.NotNull(document.GetElementById(link.GetAttribute("href")![1..])));
        Assert.NotNull(document.QuerySelector("nav[aria-labelledby='accessibility-links-title']"));

        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.Single(document.QuerySelectorAll("main"));
        Assert.NotNull(document.QuerySelector("header"));
        Assert.NotNull(document.QuerySelector("footer"));
        Assert.Equal("main-content", document.QuerySelector("main")!.Id);
        Assert.NotNull(document.QuerySelector("form[role='search'] input#search-query"));
        Assert.Equal("search-query", document.QuerySelector("form[role='search'] label")!.GetAttribute("for"));
        Assert.All(document.QuerySelectorAll("img"), img => Assert.True(img.HasAttribute("alt"), img.OuterHtml));
        Assert.Empty(document.QuerySelectorAll("script:not([type='application/ld+json'])"));
    }

    public static string Text(this IElement? element) => element?.TextContent.Trim() ?? "";
}
