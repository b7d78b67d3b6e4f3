using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

[Collection(EditorAreaCollection.Name)]
public class SetupTests(EditorAreaFactory factory)
{
    [Fact]
    public async Task AnAdminAddsASectionThatReadersSeeAtOnce()
    {
        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin);
        var slug = $"sport-{Guid.NewGuid():N}"[..14];
        var response = await admin.PostFormAsync("/editor/setup", "form[action='/editor/setup/sections']", new() { ["Edition"] = "en", ["Name"] = "Sport", ["Slug"] = slug });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (page, document) = await factory.CreateReader().GetPageAsync($"/en/s/{slug}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(document.QuerySelectorAll("#main-navigation a"), a => a.GetAttribute("href") == $"/en/s/{slug}");
    }

    [Fact]
    public async Task AnEditionNeedsItsInterfaceTranslationFirst()
    {
        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin);
        var response = await admin.PostFormAsync("/editor/setup", "form[action='/editor/setup/editions']", new()
        {
            ["Code"] = "de", ["NativeName"] = "Deutsch", ["EnglishName"] = "German", ["Direction"] = "Ltr", ["SlugPolicy"] = "Transliterate", ["Countries"] = "DE, AT",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("SharedResource.de.resx", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Editions.AnyAsync(e => e.Code == "de")));
    }

    [Fact]
    public async Task AnAdminAddsASourceThatTheArticleFormOffers()
    {
        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin);
        var code = $"wire{Guid.NewGuid():N}"[..10];
        var response = await admin.PostFormAsync("/editor/setup", "form[action='/editor/setup/sources']", new()
        {
            ["Code"] = code, ["ShortName"] = "Wire", ["FullName"] = "Wire Service", ["Kind"] = "WireAgency", ["Url"] = "https://wire.example.org/",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var form = await admin.GetDocumentAsync("/editor/articles/new?edition=en");
        Assert.NotNull(form.QuerySelector($"#AddSourceCode option[value='{code}']"));
    }

    [Fact]
    public async Task ASectionWithArticlesCannotBeRemovedButAnEmptyOneCan()
    {
        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin);
        var world = await factory.QueryAsync(db => db.Sections.SingleAsync(s => s.Slug == "world" && s.Edition.Code == "en"));
        var refused = await admin.PostFormAsync("/editor/setup", $"form[action='/editor/setup/sections/{world.Id}/remove']", []);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("still holds", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var slug = $"empty-{Guid.NewGuid():N}"[..12];
        await admin.PostFormAsync("/editor/setup", "form[action='/editor/setup/sections']", new() { ["Edition"] = "uk", ["Name"] = "Порожня", ["Slug"] = slug });
        var empty = await factory.QueryAsync(db => db.Sections.SingleAsync(s => s.Slug == slug));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/editor/setup", $"form[action='/editor/setup/sections/{empty.Id}/remove']", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateReader().GetAsync(new Uri($"/uk/s/{slug}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task RenamingASourceChangesItsCreditEverywhere()
    {
        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin);
        var response = await admin.PostFormAsync("/editor/setup", "form[action='/editor/setup/sources/reuters']", new() { ["FullName"] = "Reuters News Agency" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Reuters News Agency", await factory.QueryAsync(db => db.Sources.Where(s => s.Code == "reuters").Select(s => s.FullName).SingleAsync()));
    }
}
