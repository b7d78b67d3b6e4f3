using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>
/// Bylines are generated from the people credited on a story, in the edition's language; nobody types them, and
/// a name that looks like a sign-in address never becomes a person.
/// </summary>
[Collection(EditorAreaCollection.Name)]
public class BylineTests(EditorAreaFactory factory)
{
    [Theory]
    [InlineData("en", "By Clara Hensley; photographs by Tomas Reiner")]
    [InlineData("ru", "Репортаж: Клара Хенсли; перевод: Андрей Соколов")]
    [InlineData("uk", "Репортаж: Клара Генслі; переклад: Олена Ковальчук")]
    [InlineData("fa", "گزارش از کلارا هنسلی؛ ترجمهٔ سارا احمدی")]
    public async Task ArticlePage_ReadsTheBylineInTheEditionsLanguage(string edition, string byline)
    {
        var url = await factory.QueryAsync(db => db.Articles
            .Where(a => a.Edition.Code == edition && !a.IsLiveCoverage && a.Contributors.Any(c => c.Person.Slug == "clara-hensley"))
            .Select(a => "/" + edition + "/a/" + a.Slug + "/" + a.Id).SingleAsync());
        var reader = factory.CreateReader();

        var (response, page) = await reader.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(byline, page.QuerySelector(".article__author").Text());
        Assert.Equal($"/{edition}/author/clara-hensley", page.QuerySelector(".article__author a")!.GetAttribute("href"));

        // The text-only page carries the same byline; the feed entry names the writers as its authors.
        Assert.Contains(byline, (await reader.GetPageAsync(url + "/lite")).Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"/{edition}/author/clara-hensley", await reader.GetStringAsync(new Uri($"/{edition}/feed/atom", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePage_DescribesWritersTranslatorsAndPhotographersAsPeopleInStructuredData()
    {
        var url = await factory.QueryAsync(db => db.Articles
            .Where(a => a.Edition.Code == "ru" && !a.IsLiveCoverage && a.Contributors.Any(c => c.Person.Slug == "clara-hensley"))
            .Select(a => "/ru/a/" + a.Slug + "/" + a.Id).SingleAsync());

        var (_, page) = await factory.CreateReader().GetPageAsync(url);
        var data = System.Text.Json.Nodes.JsonNode.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent)!;

        Assert.Equal("Person", (string?)data["author"]![0]!["@type"]);
        Assert.Equal("Клара Хенсли", (string?)data["author"]![0]!["name"]);
        Assert.EndsWith("/ru/author/clara-hensley", (string?)data["author"]![0]!["url"], StringComparison.Ordinal);
        Assert.Equal("Андрей Соколов", (string?)data["translator"]![0]!["name"]);
    }

    [Fact]
    public async Task AuthorPage_ShowsTheNameBioAndStoriesInTheEditionWithAFeed()
    {
        var reader = factory.CreateReader();

        var (response, page) = await reader.GetPageAsync("/ru/author/clara-hensley");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Клара Хенсли", page.QuerySelector("h1").Text());
        Assert.Contains("климата", page.QuerySelector(".author-profile__bio").Text(), StringComparison.Ordinal);
        var stories = page.QuerySelectorAll(".story-list a").Select(a => a.TextContent).ToList();
        Assert.NotEmpty(stories);

        var feed = await reader.GetStringAsync(new Uri("/ru/author/clara-hensley/feed", UriKind.Relative));
        Assert.Contains("Клара Хенсли", feed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/ru/author/clara-hensley/feed/atom", UriKind.Relative))).StatusCode);

        // Nobody by that address, or a person the edition neither names nor publishes: no page.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri("/ru/author/nobody-here", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri("/ru/author/negar-mousavi", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri("/ru/author/Bad%20Slug", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("ru", "клара", "/ru/author/clara-hensley", "Клара Хенсли")]
    [InlineData("en", "HENSLEY", "/en/author/clara-hensley", "Clara Hensley")]
    [InlineData("fa", "داریوش", "/fa/author/dariush-sepehr", "داریوش سپهر")]
    public async Task Search_ListsThePeopleOfTheEditionWhoseNameMatches(string edition, string query, string href, string name)
    {
        var (response, page) = await factory.CreateReader().GetPageAsync($"/{edition}/search?q={Uri.EscapeDataString(query)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = page.QuerySelector("section[aria-labelledby='search-people-heading'] a");
        Assert.Equal(href, link!.GetAttribute("href"));
        Assert.Equal(name, link.Text());
    }

    [Theory]
    [InlineData("fa", "Leyla")]
    [InlineData("fa", "Mansouri")]
    [InlineData("ru", "Anna Belova Hensley")]
    public async Task Search_FindsNobodyByARealNameOrWordsNoNameHas(string edition, string query)
    {
        var (_, page) = await factory.CreateReader().GetPageAsync($"/{edition}/search?q={Uri.EscapeDataString(query)}");

        Assert.Null(page.QuerySelector("section[aria-labelledby='search-people-heading']"));
    }

    [Fact]
    public async Task Sitemaps_ListTheAuthorPagesOfTheEditionsPeople()
    {
        var reader = factory.CreateReader();

        Assert.Contains("/sitemaps/fa/authors.xml", await reader.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)), StringComparison.Ordinal);
        var persian = await reader.GetStringAsync(new Uri("/sitemaps/fa/authors.xml", UriKind.Relative));
        Assert.Contains("/fa/author/dariush-sepehr</loc>", persian, StringComparison.Ordinal);
        Assert.Contains("/fa/author/clara-hensley</loc>", persian, StringComparison.Ordinal);
        Assert.DoesNotContain("/fa/author/anna-belova<", persian, StringComparison.Ordinal);
        Assert.Contains("/ru/author/anna-belova</loc>", await reader.GetStringAsync(new Uri("/sitemaps/ru/authors.xml", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewArticleForm_CreditsThePersonTheAccountWritesAsNeverItsPenName()
    {
        var writer = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);
        await factory.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == writer.Email);
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var pen = new Person("Pen " + suffix, "pen-" + suffix, isPenName: true, DateTime.UtcNow) { UserId = user.Id };
            var own = new Person("Own " + suffix, "own-" + suffix, isPenName: false, DateTime.UtcNow) { UserId = user.Id };
            db.People.AddRange(pen, own);
            await db.SaveChangesAsync();
            return own.Slug;
        });

        var form = await writer.GetDocumentAsync("/editor/articles/new?edition=en");

        Assert.StartsWith("own-", form.QuerySelector("#contributor-person-0 option[selected]")!.GetAttribute("value"), StringComparison.Ordinal);
        Assert.DoesNotContain(writer.Email, form.QuerySelector("form.editor-form")!.OuterHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Save_RefusesAStoryCreditedToNobodyWith400AndKeepsTheText()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var headline = $"Story credited to nobody {Guid.NewGuid():N}";
        var fields = ArticleWorkflowTests.Fields(headline, "Publish", body: "Body text the editor typed.");
        fields["Contributors[0].Person"] = "";

        var response = await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Credit at least one person", page.QuerySelector(".problems")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(headline, page.QuerySelector("#Headline")!.GetAttribute("value"));
        Assert.Equal("Body text the editor typed.", page.QuerySelector("#Body")!.TextContent.Trim());
        Assert.False(await factory.QueryAsync(db => db.Articles.AnyAsync(a => a.Headline == headline)));
    }

    [Theory]
    [InlineData("own-address")]
    [InlineData("reporter@example.org")]
    [InlineData("Sam Reporter (sam.reporter@example.org)")]
    public async Task PeopleForm_RefusesANameShapedLikeAnAddressWith400AndKeepsTheText(string name)
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var typed = name == "own-address" ? editor.Email.ToUpperInvariant() : name;
        var bio = $"A bio typed by hand {Guid.NewGuid():N}";

        var response = await editor.PostFormAsync("/editor/people/new", "form.editor-form", new() { ["LatinName"] = typed, ["Profiles[0].Bio"] = bio });
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("names are published", page.QuerySelector(".problems")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(typed, page.QuerySelector("#LatinName")!.GetAttribute("value"));
        Assert.Equal(bio, page.QuerySelector("#profile-bio-0")!.TextContent.Trim());
        Assert.False(await factory.QueryAsync(db => db.People.AnyAsync(p => p.LatinName == typed)));
    }

    [Fact]
    public async Task PeopleForm_AddsAPersonWhoseNameShowsOnTheirAuthorPage()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var suffix = Guid.NewGuid().ToString("N")[..8];

        var response = await editor.PostFormAsync("/editor/people/new", "form.editor-form", new()
        {
            ["LatinName"] = "Leila Sadr " + suffix,
            ["Profiles[0].Name"] = "Leila Sadr " + suffix,
            ["Profiles[0].Bio"] = "Writes about rivers.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (page, document) = await factory.CreateReader().GetPageAsync($"/en/author/leila-sadr-{suffix}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Leila Sadr " + suffix, document.QuerySelector("h1").Text());
        Assert.Contains(AuditActions.PersonAdded, await factory.QueryAsync(db => db.AuditLog.Where(a => a.Actor == editor.Email).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task PeopleDesk_ANewNameReachesTheCachedPagesOfTheStoriesCreditingThePerson()
    {
        var id = await factory.QueryAsync(db => db.People.Where(p => p.Slug == "dmitry-volkov").Select(p => p.Id).SingleAsync());
        var url = await factory.QueryAsync(db => db.Articles
            .Where(a => a.Edition.Code == "ru" && a.Contributors.Any(c => c.PersonId == id))
            .Select(a => "/ru/a/" + a.Slug + "/" + a.Id).SingleAsync());
        var reader = factory.CreateReader();
        Assert.Equal("Текст: Дмитрий Волков", (await reader.GetPageAsync(url)).Document.QuerySelector(".article__author").Text());
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);

        var form = await editor.ReadFormAsync($"/editor/people/{id}");
        var ru = form.Single(f => f.Key.EndsWith("].Edition", StringComparison.Ordinal) && f.Value == "ru").Key.Replace("].Edition", "]", StringComparison.Ordinal);
        var saved = await editor.PostFormAsync($"/editor/people/{id}", "form.editor-form", new() { [ru + ".Name"] = "Дмитрий Волков-Северный" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Текст: Дмитрий Волков-Северный", (await reader.GetPageAsync(url)).Document.QuerySelector(".article__author").Text());
        Assert.Contains("Дмитрий Волков-Северный", await reader.GetStringAsync(new Uri("/ru/feed", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeopleDesk_APhotoIsShownOnTheAuthorPageAndAPenNameHasNone()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var photo = ("photo", "face.jpg", ImageUploadTests.Picture(SkiaSharp.SKEncodedImageFormat.Jpeg, 800, 800));

        var saved = await editor.PostFormAsync("/editor/people/new", "form.editor-form", new()
        {
            ["LatinName"] = "Mira Holt " + suffix,
            ["Profiles[0].Name"] = "Mira Holt " + suffix,
            ["PhotoAltText"] = "Mira Holt, smiling, in front of a harbour",
        }, photo);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var reader = factory.CreateReader();
        var (_, page) = await reader.GetPageAsync($"/en/author/mira-holt-{suffix}");
        var img = page.QuerySelector(".author-profile__photo")!;
        Assert.Equal("Mira Holt, smiling, in front of a harbour", img.GetAttribute("alt"));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri(img.GetAttribute("src")!, UriKind.Relative))).StatusCode);

        // A face would say who writes under a pen name: refused, with everything typed kept.
        var refused = await editor.PostFormAsync("/editor/people/new", "form.editor-form", new()
        {
            ["LatinName"] = "Quiet Pen " + suffix,
            ["IsPenName"] = "true",
            ["PhotoAltText"] = "A face",
        }, photo);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusal = await refused.Content.ReadAsStringAsync();
        Assert.Contains("A pen name has no photo", refusal, StringComparison.Ordinal);
        Assert.Contains("Quiet Pen " + suffix, refusal, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.People.AnyAsync(p => p.LatinName == "Quiet Pen " + suffix)));
    }

    [Fact]
    public async Task PeopleDesk_IsForEditorsAndAdminsOnly()
    {
        var writer = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);
        var response = await writer.Client.GetAsync(new Uri("/editor/people", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/editor/denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoryCreditedToNobodyIsThePublishers()
    {
        var headline = $"Story without a byline {Guid.NewGuid():N}";
        var url = await factory.QueryAsync(async db =>
        {
            var edition = await db.Editions.SingleAsync(e => e.Code == "uk");
            var section = await db.Sections.Where(s => s.EditionId == edition.Id).OrderBy(s => s.Order).FirstAsync();
            var article = new Article(edition, section, headline, DateTime.UtcNow.AddMinutes(-5)) { Lead = "A lead." };
            article.SetBody("A paragraph.", new RenderedBody("<p>A paragraph.</p>", "A paragraph."));
            article.Publish(DateTime.UtcNow.AddMinutes(-1));
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return $"/uk/a/{Uri.EscapeDataString(article.Slug)}/{article.Id}";
        });

        var (response, page) = await factory.CreateReader().GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector(".article__author"));
        var jsonLd = page.QuerySelector("script[type='application/ld+json']")!.TextContent;
        Assert.Contains("\"author\":[{\"@type\":\"NewsMediaOrganization\"", jsonLd, StringComparison.Ordinal);
    }
}
