using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace NewsPortal.Web.Features.ReaderCache;

/// <summary>
/// The names cached reader responses are tagged with, so that a change evicts exactly the pages that show
/// what changed. A page carries the tag of everything it shows; <see cref="ReaderCacheInvalidation"/>
/// evicts the tags of what a save changed.
/// </summary>
public static class ReaderCacheTags
{
    /// <summary>Every cached reader response (an edition added or renamed shows in every page's language list).</summary>
    public const string All = "reader";

    /// <summary>Every sitemap file and the sitemap index (alternates link editions to each other).</summary>
    public const string Sitemaps = "sitemaps";

    /// <summary>Every feed (their items carry credit lines with source names).</summary>
    public const string Feeds = "feeds";

    /// <summary>Every page of an edition: its navigation and its breaking banner.</summary>
    public static string Edition(int editionId) => Tag("edition", editionId);

    /// <summary>An edition's front pages and its edition feeds.</summary>
    public static string Front(int editionId) => Tag("front", editionId);

    /// <summary>An edition's search results.</summary>
    public static string Search(int editionId) => Tag("search", editionId);

    /// <summary>An edition's corrections page and feed.</summary>
    public static string Corrections(int editionId) => Tag("corrections", editionId);

    /// <summary>The pages of one article (full and text-only).</summary>
    public static string Article(int articleId) => Tag("article", articleId);

    /// <summary>The pages of every article of a translation group: their language switchers list each other.</summary>
    public static string TranslationGroup(int groupId) => Tag("group", groupId);

    /// <summary>A section's pages and feeds.</summary>
    public static string Section(int sectionId) => Tag("section", sectionId);

    /// <summary>Everything that shows a source's names: its pages in every edition and the articles crediting it.</summary>
    public static string Source(string code) => "source:" + code.ToLowerInvariant();

    /// <summary>The list of one source's stories in one edition (page and feeds).</summary>
    public static string SourceList(int editionId, string code) =>
        string.Create(CultureInfo.InvariantCulture, $"sourcelist:{editionId}:{code.ToLowerInvariant()}");

    /// <summary>Everything that shows a person's name: their author pages in every edition and the stories crediting them.</summary>
    public static string Person(int personId) => Tag("person", personId);

    /// <summary>The list of one person's stories in one edition (author page and feeds).</summary>
    public static string PersonList(int editionId, int personId) =>
        string.Create(CultureInfo.InvariantCulture, $"personlist:{editionId}:{personId}");
    /// <summary>A topic's pages and feeds (the story tag of the same name, <see cref="Domain.Tag"/>).</summary>
    public static string Topic(int tagId) => Tag("topic", tagId);

    /// <summary>
    /// Adds tags to the response being cached, or to the page being rendered for the static mirror (whose update
    /// renders a page again when its tags are evicted); does nothing otherwise.
    /// </summary>
    public static void TagResponse(this HttpContext context, params IEnumerable<string> tags)
    {
        if (Mirror.MirrorRendering.Of(context) is { } mirror)
        {
            mirror.Tags.UnionWith(tags);
            return;
        }

        if (context.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            foreach (var tag in tags)
            {
                cache.Tags.Add(tag);
            }
        }
    }

    private static string Tag(string kind, int id) => string.Create(CultureInfo.InvariantCulture, $"{kind}:{id}");
}
