using System.Xml.Linq;

namespace NewsPortal.UnitTests.Localization;

public class EditorResourceTests
{
    private static HashSet<string> Keys(string culture)
    {
        var file = RepositoryFiles.PathOf("src", "NewsPortal.Web", "Localization", "Resources",
            culture.Length == 0 ? "EditorResource.resx" : $"EditorResource.{culture}.resx");
        return XDocument.Load(file).Root!.Elements("data").Select(data => (string)data.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("uk")]
    [InlineData("fa")]
    public void TranslationHasEveryEnglishKeyAndNoOther(string culture)
    {
        var english = Keys(string.Empty);
        var translated = Keys(culture);

        Assert.Empty(english.Except(translated).Order(StringComparer.Ordinal));
        Assert.Empty(translated.Except(english).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ru")]
    [InlineData("uk")]
    [InlineData("fa")]
    public void ResourceHasNoEmptyOrDuplicateText(string culture)
    {
        var file = RepositoryFiles.PathOf("src", "NewsPortal.Web", "Localization", "Resources",
            culture.Length == 0 ? "EditorResource.resx" : $"EditorResource.{culture}.resx");
        var entries = XDocument.Load(file).Root!.Elements("data").ToList();

        Assert.Empty(entries.GroupBy(data => (string)data.Attribute("name")!).Where(group => group.Count() > 1).Select(group => group.Key));
        Assert.Empty(entries.Where(data => string.IsNullOrWhiteSpace((string?)data.Element("value"))).Select(data => (string)data.Attribute("name")!));
    }
}
