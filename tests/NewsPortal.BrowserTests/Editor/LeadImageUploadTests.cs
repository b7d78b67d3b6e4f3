using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.BrowserTests.Pages;
using NewsPortal.Web.Domain;

namespace NewsPortal.BrowserTests.Editor;

/// <summary>An editor who picks a picture over the size limit is told so on the form, with the text still there.</summary>
public class LeadImageUploadTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "a long newsroom pass phrase";

    [SkippableFact]
    public async Task APictureOverTheLimitIsRefusedOnTheFormWithTheTextKept()
    {
        SkipWithoutBrowser();
        var page = new EditorPage(await Fixture.NewPageAsync(Viewport.Desktop));
        await page.SignInAsync(await Fixture.CreateUserAsync(NewsroomRoles.Editor, Password), Password);
        var file = Path.Combine(Path.GetTempPath(), $"camera-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(file, new byte[(30 * 1024 * 1024) + 1]);
        try
        {
            await page.GotoAsync("/editor/articles/new?edition=en");
            await page.Field("Headline").FillAsync("Flood pictures from the river");
            await page.Field("Lead").FillAsync("The river burst its banks overnight.");
            await page.ChooseFileAsync("Lead image", file);
            var response = await page.SubmitAsync("Save draft");

            Assert.Equal(413, response?.Status);
            Assert.Contains("The picture is larger than 30 MB", await page.Problems.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("Flood pictures from the river", await page.Field("Headline").InputValueAsync());
            Assert.Equal("The river burst its banks overnight.", await page.Field("Lead").InputValueAsync());
        }
        finally
        {
            File.Delete(file);
            await page.Page.Context.CloseAsync();
        }
    }
}
