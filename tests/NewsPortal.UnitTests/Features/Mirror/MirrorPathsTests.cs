using NewsPortal.Web.Features.Mirror;

namespace NewsPortal.UnitTests.Features.Mirror;

public class MirrorPathsTests
{
    private static readonly HashSet<string> Editions = ["en", "fa"];

    [Theory]
    [InlineData("/en", 1, "en/index.html")]
    [InlineData("/en", 3, "en/page-3.html")]
    [InlineData("/en/a/flood-warning/12", 1, "en/a/flood-warning/12/index.html")]
    [InlineData("/en/a/flood-warning/12/lite", 1, "en/a/flood-warning/12/lite/index.html")]
    [InlineData("/en/a/flood-warning/12/updates/40", 1, "en/a/flood-warning/12/updates/40/index.html")]
    [InlineData("/en/a/flood-warning/12/updates/40/lite", 1, "en/a/flood-warning/12/updates/40/lite/index.html")]
    [InlineData("/en/s/world", 2, "en/s/world/page-2.html")]
    [InlineData("/en/source/reuters", 1, "en/source/reuters/index.html")]
    [InlineData("/en/author/clara-hensley", 1, "en/author/clara-hensley/index.html")]
    [InlineData("/en/tag/floods", 1, "en/tag/floods/index.html")]
    [InlineData("/en/corrections", 1, "en/corrections/index.html")]
    [InlineData("/en/feed", 1, "en/feed/rss.xml")]
    [InlineData("/en/feed/atom", 1, "en/feed/atom.xml")]
    [InlineData("/en/s/world/feed/atom", 1, "en/s/world/feed/atom.xml")]
    [InlineData("/sitemap.xml", 1, "sitemap.xml")]
    [InlineData("/sitemaps/fa/articles-1.xml", 1, "sitemaps/fa/articles-1.xml")]
    [InlineData("/css/site.abc123.css", 1, "css/site.abc123.css")]
    [InlineData("/media/7f3a-640.webp", 1, "media/7f3a-640.webp")]
    [InlineData("/fa/tag/%D8%B3%DB%8C%D9%84", 1, "fa/tag/سیل/index.html")]
    public void FileFor_NamesEveryPageOfACopyExplicitly(string path, int page, string expected) =>
        Assert.Equal(expected, MirrorPaths.FileFor(path, page, Editions));

    [Theory]
    [InlineData("/")]
    [InlineData("/en/search")]
    [InlineData("/editor/articles/12")]
    [InlineData("/health/live")]
    [InlineData("/robots.txt")]
    [InlineData("/ru")]
    [InlineData("/en/a/flood-warning/12/updates/after/40")]
    [InlineData("/en/a/flood-warning/012")]
    [InlineData("/en/a/flood-warning/abc")]
    [InlineData("/en/s/..")]
    [InlineData("/en/tag/%2E%2E")]
    [InlineData("/en/tag/a%2Fb")]
    [InlineData("//evil.example/x")]
    [InlineData("/error/404")]
    [InlineData("/en/tag/floods/feed")]
    [InlineData("/en/author/clara-hensley/feed/atom")]
    [InlineData("/en/a/flood-warning/12/feed")]
    public void FileFor_LeavesOutWhatACopyCannotHoldOrWouldEscapeIt(string path) =>
        Assert.Null(MirrorPaths.FileFor(path, 1, Editions));

    [Fact]
    public void FileFor_GivesFeedsAndFilesNoPaging() =>
        Assert.Null(MirrorPaths.FileFor("/en/feed", 2, Editions));

    [Theory]
    [InlineData("index.html", "en/index.html", "en/index.html")]
    [InlineData("en/a/flood-warning/12/index.html", "en/index.html", "../../../index.html")]
    [InlineData("en/a/flood-warning/12/index.html", "en/a/flood-warning/12/lite/index.html", "lite/index.html")]
    [InlineData("en/a/flood-warning/12/index.html", "fa/index.html", "../../../../fa/index.html")]
    [InlineData("en/feed/rss.xml", "en/a/flood-warning/12/index.html", "../a/flood-warning/12/index.html")]
    [InlineData("en/index.html", "fa/tag/سیل/index.html", "../fa/tag/%D8%B3%DB%8C%D9%84/index.html")]
    [InlineData("en/index.html", "en/index.html", "index.html")]
    public void Relative_LinksFromOneFileToAnotherWithoutLeavingTheCopy(string from, string to, string expected) =>
        Assert.Equal(expected, MirrorPaths.Relative(from, to));
}
