using Microsoft.Extensions.Options;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Settings;
using NewsPortal.Web.Localization;

namespace NewsPortal.IntegrationTests.Hosting;

[Collection(ReaderSiteCollection.Name)]
public class RootConfigurationTests(NewsPortalFactory factory)
{
    [Fact]
    public void TheRepositoryRootAppSettingsIsCopiedBesideTheApp() =>
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));

    [Fact]
    public void SiteOptionsBindFromTheRootAppSettings()
    {
        var site = factory.Service<IOptions<SiteOptions>>().Value;
        var root = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))).RootElement;

        Assert.Equal(root.GetProperty("Site").GetProperty("Name").GetString(), site.Name);
        Assert.Equal(root.GetProperty("Site").GetProperty("PageSize").GetInt32(), site.PageSize);
        Assert.Equal(root.GetProperty("Site").GetProperty("MaxPage").GetInt32(), site.MaxPage);
    }

    [Fact]
    public void LocalizationOptionsListEverySeededEdition()
    {
        var localization = factory.Service<IOptions<EditionLocalizationOptions>>().Value;
        Assert.Equal("en", localization.DefaultCulture);
        Assert.Superset(new HashSet<string> { "en", "ru", "uk", "fa" }, localization.SupportedCultures.ToHashSet());
    }

    [Fact]
    public void TestSettingsOverrideTheFileWithoutReplacingIt()
    {
        var storage = factory.Service<IOptions<StorageOptions>>().Value;
        Assert.Equal(factory.DataDirectory, storage.DataDirectory);
        Assert.Equal("media", storage.MediaDirectory);
    }
}
