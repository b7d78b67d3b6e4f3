using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>Unusual and tampered input on the article form: refused with a message, never dropped in silence.</summary>
[Collection(EditorAreaCollection.Name)]
public class ArticleFormInputTests(EditorAreaFactory factory)
{
    private static readonly HtmlParser Parser = new();

    private Task<bool> ExistsAsync(string headline) => factory.QueryAsync(db => db.Articles.AnyAsync(a => a.Headline == headline));

    private static async Task<string> ProblemsAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector(".problems")?.TextContent ?? "";

    private async Task<int> PublishedIdAsync(EditorSession editor, string edition, string headline)
    {
        var fields = ArticleWorkflowTests.Fields(headline, "Publish");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/new?edition={edition}", "form.editor-form", fields)).StatusCode);
        return await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.Id).SingleAsync());
    }

    [Fact]
    public async Task ATranslationOfAnArticleInTheSameEditionIsRefused()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var original = await PublishedIdAsync(editor, "en", $"Original in English {Guid.NewGuid():N}");
        var headline = $"Tampered translation {Guid.NewGuid():N}";
        var fields = ArticleWorkflowTests.Fields(headline, "Save");
        fields["TranslationOf"] = original.ToString(CultureInfo.InvariantCulture);

        var response = await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("another edition than its original", await ProblemsAsync(response), StringComparison.Ordinal);
        Assert.False(await ExistsAsync(headline));
        Assert.Null(await factory.QueryAsync(db => db.Articles.Where(a => a.Id == original).Select(a => a.TranslationGroupId).SingleAsync()));
    }

    [Fact]
    public async Task ASecondTranslationIntoTheSameEditionAndAMissingOriginalAreRefused()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var original = await PublishedIdAsync(editor, "en", $"Story told twice {Guid.NewGuid():N}");
        var first = ArticleWorkflowTests.Fields($"Первый перевод {Guid.NewGuid():N}", "Save");
        first["TranslationOf"] = original.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/new?edition=ru", "form.editor-form", first)).StatusCode);

        var secondHeadline = $"Второй перевод {Guid.NewGuid():N}";
        var second = ArticleWorkflowTests.Fields(secondHeadline, "Save");
        second["TranslationOf"] = original.ToString(CultureInfo.InvariantCulture);
        var refused = await editor.PostFormAsync($"/editor/articles/new?edition=ru", "form.editor-form", second);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("already has a version in Russian", await ProblemsAsync(refused), StringComparison.Ordinal);

        var orphan = ArticleWorkflowTests.Fields(secondHeadline, "Save");
        orphan["TranslationOf"] = "987654321";
        var missing = await editor.PostFormAsync($"/editor/articles/new?edition=ru", "form.editor-form", orphan);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("does not exist", await ProblemsAsync(missing), StringComparison.Ordinal);
        Assert.False(await ExistsAsync(secondHeadline));
    }

    [Fact]
    public async Task AnUnknownSourceIsRefusedWithItsCodeAndTheTextIsKept()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var headline = $"Story with a forged credit {Guid.NewGuid():N}";
        var fields = ArticleWorkflowTests.Fields(headline, "Save", body: "Text that must survive.");
        fields["Sources[1].Code"] = "nosuchagency";
        fields["Sources[1].Role"] = "Reporting";

        var response = await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unknown source: nosuchagency", page.QuerySelector(".problems")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Text that must survive.", page.QuerySelector("#Body")!.TextContent);
        Assert.False(await ExistsAsync(headline));
    }

    [Fact]
    public async Task TheSlugFollowsTheHeadlineUntilTheStoryIsPublished()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var token = Guid.NewGuid().ToString("N")[..8];
        await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", ArticleWorkflowTests.Fields($"First working title {token}", "Save"));
        var id = await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == $"First working title {token}").Select(a => a.Id).SingleAsync());

        await editor.PostFormAsync($"/editor/articles/{id}", "form.editor-form", new() { ["Headline"] = $"Final headline {token}" });
        Assert.Equal($"final-headline-{token}", await factory.QueryAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync()));

        await editor.PostFormAsync($"/editor/articles/{id}", "form.editor-form", new() { ["command"] = "Publish" });
        await editor.PostFormAsync($"/editor/articles/{id}", "form.editor-form", new() { ["Headline"] = $"Headline changed after publication {token}", ["command"] = "UpdateLive" });
        Assert.Equal($"final-headline-{token}", await factory.QueryAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync()));

        // A slug the editor typed is kept even before publication.
        await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", new(ArticleWorkflowTests.Fields($"Typed slug story {token}", "Save")) { ["Slug"] = $"my-own-slug-{token}" });
        var typed = await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == $"Typed slug story {token}").Select(a => a.Id).SingleAsync());
        await editor.PostFormAsync($"/editor/articles/{typed}", "form.editor-form", new() { ["Headline"] = $"Typed slug story renamed {token}" });
        Assert.Equal($"my-own-slug-{token}", await factory.QueryAsync(db => db.Articles.Where(a => a.Id == typed).Select(a => a.Slug).SingleAsync()));
    }

    [Theory]
    [InlineData("BreakingUntil", "9999-12-31T23:59", "at most 7 days")]
    [InlineData("PublishAt", "9999-12-31T23:59", "at most a year ahead")]
    [InlineData("TimeZone", "Mars/Olympus_Mons", "Unknown time zone")]
    public async Task ImplausibleTimesAreRefused(string field, string value, string message)
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var headline = $"Breaking forever {Guid.NewGuid():N}";
        var fields = ArticleWorkflowTests.Fields(headline, "Save");
        fields[field] = value;

        var response = await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await ProblemsAsync(response), StringComparison.Ordinal);
        Assert.False(await ExistsAsync(headline));
    }

    [Fact]
    public async Task TimesAreTypedInTheChosenTimeZoneAndStoredInUtc()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var headline = $"Scheduled in Moscow time {Guid.NewGuid():N}";
        var day = DateTime.UtcNow.Date.AddDays(3);
        var fields = ArticleWorkflowTests.Fields(headline, "Schedule");
        fields["TimeZone"] = "Europe/Moscow";
        fields["PublishAt"] = day.AddHours(9).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields)).StatusCode);

        Assert.Equal(day.AddHours(6), await factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.ScheduledAt).SingleAsync()));
    }

    [Fact]
    public async Task PicturesInTheBodyAreReportedToTheEditor()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var headline = $"Body with a picture {Guid.NewGuid():N}";
        var response = await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", ArticleWorkflowTests.Fields(headline, "Save", body: "Text.\n\n![The harbour at dawn](https://example.org/harbour.jpg)"));
        var page = await editor.GetDocumentAsync(response.Headers.Location!.OriginalString);

        Assert.Contains("readers will not see them", page.QuerySelector(".problems")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreditsKeepTheOrderTheEditorGivesThem()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var headline = $"Credits in the editor's order {Guid.NewGuid():N}";
        var fields = ArticleWorkflowTests.Fields(headline, "Save", reporting: "afp");
        fields["Sources[1].Code"] = "ap";
        fields["Sources[1].Role"] = "Reporting";
        fields["Sources[2].Code"] = "tass";
        fields["Sources[2].Role"] = "Reporting";
        fields["CreditAction"] = "up:1";

        // "Move up" shows the form again with AP first and saves nothing.
        var moved = await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var page = Parser.ParseDocument(await moved.Content.ReadAsStringAsync());
        Assert.Equal(["ap", "afp", "tass"], page.QuerySelectorAll(".credit-list input[type='hidden']").Select(i => i.GetAttribute("value")));
        Assert.False(await ExistsAsync(headline));

        fields.Remove("CreditAction");
        fields["Sources[0].Code"] = "ap";
        fields["Sources[1].Code"] = "afp";
        fields["command"] = "Publish";
        await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields);
        var article = await factory.QueryAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Headline == headline));
        var (_, reader) = await factory.CreateReader().GetPageAsync($"/en/a/{article.Slug}/{article.Id}");
        Assert.Equal("With reporting by AP, AFP, and TASS", reader.QuerySelector(".article__credit p")!.TextContent.Trim());
    }
}
