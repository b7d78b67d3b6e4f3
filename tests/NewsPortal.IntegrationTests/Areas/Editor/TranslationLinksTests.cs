using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>The article form links the story's other editions, so a translator reaches the original (and the original its translations) in one step.</summary>
[Collection(EditorAreaCollection.Name)]
public class TranslationLinksTests(EditorAreaFactory factory)
{
    [Fact]
    public async Task ATranslationsEditPageLinksTheOriginalAndTheOtherTranslations()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var english = $"Story told in three languages {Guid.NewGuid():N}";
        var persian = $"داستانی به سه زبان {Guid.NewGuid():N}";
        var russian = $"История на трёх языках {Guid.NewGuid():N}";
        await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", ArticleWorkflowTests.Fields(english, "Publish"));
        var original = await IdAsync(english);
        await editor.PostFormAsync($"/editor/articles/new?edition=fa&translationOf={original}", "form.editor-form", ArticleWorkflowTests.Fields(persian, "Save"));
        await editor.PostFormAsync($"/editor/articles/new?edition=ru&translationOf={original}", "form.editor-form", ArticleWorkflowTests.Fields(russian, "Save"));
        var (fa, ru) = (await IdAsync(persian), await IdAsync(russian));

        var page = await editor.GetDocumentAsync($"/editor/articles/{fa}");
        var section = page.QuerySelectorAll("section.editor-section").Single(s => s.QuerySelector("h2").Text() == "Translations of this story");
        var links = section.QuerySelectorAll("a").Select(a => (Href: a.GetAttribute("href"), Text: a.Text())).ToList();

        Assert.Equal([$"/editor/articles/{original}", $"/editor/articles/{ru}"], links.Select(l => l.Href));
        Assert.Equal($"English: {english}", links[0].Text);
        Assert.Equal("ru", section.QuerySelectorAll("a span")[1].GetAttribute("lang"));

        // The original links both of its translations.
        var originalPage = await editor.GetDocumentAsync($"/editor/articles/{original}");
        var fromOriginal = originalPage.QuerySelector("#translations-heading")!.ParentElement!.QuerySelectorAll("a").Select(a => a.GetAttribute("href"));
        Assert.Equal([$"/editor/articles/{ru}", $"/editor/articles/{fa}"], fromOriginal);
    }

    private Task<int> IdAsync(string headline) =>
        factory.QueryAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.Id).SingleAsync());
}
