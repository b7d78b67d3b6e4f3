using Microsoft.Playwright;
using System.Text.RegularExpressions;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.BrowserTests.Pages;
using NewsPortal.Web.Domain;

namespace NewsPortal.BrowserTests.Reader;

/// <summary>Story cards on a desktop-wide front page: the picture column is there only beside a picture.</summary>
public partial class StoryCardLayoutTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "a long newsroom pass phrase";

    [SkippableFact]
    public async Task ACardWithoutAPictureGivesItsTextTheFullWidthOfTheColumn()
    {
        SkipWithoutBrowser();
        // The Ukrainian edition: the other browser tests look at the English and Persian front pages.
        var headline = $"Поромний розклад без світлини {Guid.NewGuid():N}"[..40];
        var editor = new EditorPage(await Fixture.NewPageAsync(Viewport.Desktop));
        await editor.SignInAsync(await Fixture.CreateUserAsync(NewsroomRoles.Editor, Password), Password);
        await editor.GotoAsync("/editor/articles/new?edition=uk");
        await editor.Field("Headline").FillAsync(headline);
        await editor.Field("Lead").FillAsync("Пором ходитиме чотири рази на день.");
        await editor.Field("Body (Markdown)").FillAsync("Портова служба оприлюднила зимовий розклад.");
        await editor.Field("Add a credit").SelectOptionAsync(new SelectOptionValue { Label = "Reuters — Reuters" });
        await editor.Button("Publish now").ClickAsync();
        await editor.Page.WaitForURLAsync(ArticleEditUrl());
        await editor.Page.Context.CloseAsync();

        var reader = new ReaderPage(await Fixture.NewPageAsync(Viewport.Desktop), key => Fixture.Text("uk", key));
        await reader.GotoAsync("/uk");
        var plain = await reader.StoryCardWidthsAsync(headline);
        var pictured = await reader.StoryCardWidthsAsync((await reader.PicturedStoryHeadlinesAsync())[0]);
        await reader.Page.Context.CloseAsync();

        Assert.False(plain.HasPicture);
        Assert.True(plain.Text >= plain.Card - 1, $"The text of a card without a picture is {plain.Text}px wide in a {plain.Card}px card.");
        // Beside a picture the text still shares the card with the 15rem picture column.
        Assert.True(pictured.HasPicture);
        Assert.True(pictured.Text <= pictured.Card - 240, $"The text beside a picture is {pictured.Text}px wide in a {pictured.Card}px card.");
    }

    [GeneratedRegex(@"/editor/articles/\d+$")]
    private static partial Regex ArticleEditUrl();
}
