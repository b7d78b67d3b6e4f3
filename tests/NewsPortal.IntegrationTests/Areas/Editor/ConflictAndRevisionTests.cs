using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>Two editors on one story, and revisions that bring back every field.</summary>
[Collection(EditorAreaCollection.Name)]
public class ConflictAndRevisionTests(EditorAreaFactory factory)
{
    private async Task<Article> ArticleAsync(int id) =>
        await factory.QueryAsync(db => db.Articles.AsNoTracking().Include(a => a.Sources).ThenInclude(s => s.Source).Include(a => a.Section).SingleAsync(a => a.Id == id));

    private async Task<(EditorSession First, int Id)> DraftAsync(string headline)
    {
        var first = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var fields = ArticleWorkflowTests.Fields(headline, "Save", body: "The starting text.");
        fields["Sources[1].Code"] = "afp";
        fields["Sources[1].Role"] = "Reporting";
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields)).StatusCode);
        return (first, await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.Id).SingleAsync()));
    }

    private static int SectionId(Article article, string slug, EditorAreaFactory factory) =>
        factory.QueryAsync(db => db.Sections.Where(s => s.EditionId == article.EditionId && s.Slug == slug).Select(s => s.Id).SingleAsync()).GetAwaiter().GetResult();

    [Fact]
    public async Task AConflictShowsEveryDifferingFieldAndKeepsWhatThePersonChoosesForEach()
    {
        // Edit locks keep two people from editing at once; a conflict is what is left when they still meet: each had
        // the form open while the other's lock had ended (a closed tab, a lock that expired).
        var (first, id) = await DraftAsync($"Port strike talks resume {Guid.NewGuid():N}");
        await first.StopEditingAsync(id);
        var second = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var secondForm = await second.ReadFormAsync($"/editor/articles/{id}");
        await second.StopEditingAsync(id);
        var science = SectionId(await ArticleAsync(id), "science", factory);

        // The first editor changes the headline, the section and the credits' order.
        var theirHeadline = $"Port strike talks resume after a week {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync($"/editor/articles/{id}", "form.editor-form", new()
        {
            ["Headline"] = theirHeadline,
            ["SectionId"] = science.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sources[0].Code"] = "afp",
            ["Sources[1].Code"] = "reuters",
        })).StatusCode);
        await first.StopEditingAsync(id);

        // The second, from the old version, changes the body and who wrote it.
        secondForm["Body"] = "The second editor's text.";
        secondForm["Contributors[0].Person"] = "marcus-reid";
        secondForm["command"] = "Save";
        var conflict = await second.PostFieldsAsync($"/editor/articles/{id}", secondForm);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = new HtmlParser().ParseDocument(await conflict.Content.ReadAsStringAsync());
        var legends = page.QuerySelectorAll(".conflict__field legend").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(["Section", "Headline", "Body", "Contributors", "Slug", "Credited sources"], legends);

        // Where the starting version tells whose change it was, the page suggests keeping that change.
        Assert.True(page.QuerySelector("#resolve-Headline-theirs")!.HasAttribute("checked"));
        Assert.True(page.QuerySelector("#resolve-Body-mine")!.HasAttribute("checked"));
        Assert.Equal("The starting text.", (await ArticleAsync(id)).BodyMarkdown);

        // The second editor accepts the suggestions and saves from the conflict page.
        var resolved = new Dictionary<string, string>(secondForm)
        {
            ["Version"] = page.QuerySelector("input[name='Version']")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = page.QuerySelector("form.editor-form input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
            ["ConflictFields"] = page.QuerySelector("input[name='ConflictFields']")!.GetAttribute("value")!,
            ["Resolve[Section]"] = "theirs",
            ["Resolve[Headline]"] = "theirs",
            ["Resolve[Body]"] = "mine",
            ["Resolve[Contributors]"] = "mine",
            ["Resolve[Slug]"] = "theirs",
            ["Resolve[Credits]"] = "theirs",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFieldsAsync($"/editor/articles/{id}", resolved)).StatusCode);

        var merged = await ArticleAsync(id);
        Assert.Equal(theirHeadline, merged.Headline);
        Assert.Equal("science", merged.Section.Slug);
        Assert.Equal(["afp", "reuters"], merged.Sources.OrderBy(s => s.Order).Select(s => s.Source.Code));
        Assert.Equal("The second editor's text.", merged.BodyMarkdown);
        Assert.Equal(["marcus-reid"], await factory.QueryAsync(db => db.ArticleContributors.Where(c => c.ArticleId == id).OrderBy(c => c.Order).Select(c => c.Person.Slug).ToListAsync()));
    }

    [Fact]
    public async Task AFieldBothEditorsChangedNeedsAChoiceBeforeAnythingIsSaved()
    {
        var (first, id) = await DraftAsync($"Water prices rise {Guid.NewGuid():N}");
        await first.StopEditingAsync(id);
        var second = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var secondForm = await second.ReadFormAsync($"/editor/articles/{id}");
        await second.StopEditingAsync(id);
        await first.PostFormAsync($"/editor/articles/{id}", "form.editor-form", new() { ["Lead"] = "Their lead." });
        await first.StopEditingAsync(id);

        secondForm["Lead"] = "My lead.";
        var conflict = new HtmlParser().ParseDocument(await (await second.PostFieldsAsync($"/editor/articles/{id}", secondForm)).Content.ReadAsStringAsync());
        Assert.False(conflict.QuerySelector("#resolve-Lead-theirs")!.HasAttribute("checked"));
        Assert.False(conflict.QuerySelector("#resolve-Lead-mine")!.HasAttribute("checked"));

        // Saving again without choosing is another conflict; the stored lead stays theirs.
        secondForm["Version"] = conflict.QuerySelector("input[name='Version']")!.GetAttribute("value")!;
        secondForm["__RequestVerificationToken"] = conflict.QuerySelector("form.editor-form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        secondForm["ConflictFields"] = "Lead";
        var again = await second.PostFieldsAsync($"/editor/articles/{id}", secondForm);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Choose whose version to keep", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Their lead.", (await ArticleAsync(id)).Lead);
    }

    [Fact]
    public async Task RestoringARevisionBringsBackEveryFieldNotOnlyTheText()
    {
        var (editor, id) = await DraftAsync($"Tram line extension approved {Guid.NewGuid():N}");
        var original = await ArticleAsync(id);
        var science = SectionId(original, "science", factory);
        await editor.PostFormAsync($"/editor/articles/{id}", "form.editor-form", new()
        {
            ["SectionId"] = science.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Contributors[0].Person"] = "marcus-reid",
            ["Sources[0].Code"] = "tass",
            ["Sources[1].Role"] = "",
            ["BreakingUntil"] = DateTime.UtcNow.AddHours(3).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });
        var changed = await ArticleAsync(id);
        Assert.Equal("science", changed.Section.Slug);

        var first = await factory.QueryAsync(db => db.Revisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{id}/revisions/{first.Id}", "form[action$='/restore']", [])).StatusCode);

        var restored = await ArticleAsync(id);
        Assert.Equal(original.SectionId, restored.SectionId);
        Assert.Equal(["hannah-lowe"], await factory.QueryAsync(db => db.ArticleContributors.Where(c => c.ArticleId == id).Select(c => c.Person.Slug).ToListAsync()));
        Assert.Equal(["reuters", "afp"], restored.Sources.OrderBy(s => s.Order).Select(s => s.Source.Code));
        Assert.Null(restored.BreakingUntil);
    }

    [Fact]
    public async Task AWriterCannotReadTheRevisionsOrPreviewOfAnotherWritersDraft()
    {
        var first = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);
        var headline = $"A private draft {Guid.NewGuid():N}";
        await first.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", ArticleWorkflowTests.Fields(headline, "Save"));
        var id = await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.Id).SingleAsync());
        var revision = await factory.QueryAsync(db => db.Revisions.Where(r => r.ArticleId == id).Select(r => r.Id).FirstAsync());

        var second = await EditorSession.SignInAsync(factory, NewsroomRoles.Writer);
        foreach (var url in new[] { $"/editor/articles/{id}/revisions", $"/editor/articles/{id}/revisions/{revision}", $"/en/preview/{id}" })
        {
            var response = await second.Client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/editor/denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync(new Uri($"/editor/articles/{id}/revisions", UriKind.Relative))).StatusCode);
    }
}
