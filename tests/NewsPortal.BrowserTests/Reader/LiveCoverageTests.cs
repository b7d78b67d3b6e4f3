using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.BrowserTests.Pages;
using NewsPortal.Web.Domain;

namespace NewsPortal.BrowserTests.Reader;

/// <summary>
/// An editor posts to live coverage while a reader has it open: the reader is told once, politely, and the new
/// update appears only when the reader presses the notice, with the keyboard; nothing moves by itself.
/// </summary>
public class LiveCoverageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "a long newsroom pass phrase";

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("fa")]
    public async Task AReaderIsToldOfANewUpdateOnceAndLoadsItByPressingTheNotice(string edition)
    {
        SkipWithoutBrowser();
        var coverage = await Fixture.QueryAsync(db => db.Articles.Where(a => a.Edition.Code == edition && a.IsLiveCoverage).Select(a => new { a.Id, a.Slug }).FirstAsync());
        var reader = new ReaderPage(await Fixture.NewPageAsync(Viewport.Desktop), key => Fixture.Text(edition, key));
        await reader.GotoAsync($"/{edition}/a/{Uri.EscapeDataString(coverage.Slug)}/{coverage.Id}");
        var shownBefore = await reader.LiveUpdates.CountAsync();
        var newestBefore = await reader.LiveUpdates.First.GetAttributeAsync("id");
        var switchedOn = await reader.NewUpdatesSwitch.IsCheckedAsync();

        var editor = new EditorPage(await Fixture.NewPageAsync(Viewport.Desktop));
        await editor.SignInAsync(await Fixture.CreateUserAsync(NewsroomRoles.Editor, Password), Password);
        await editor.GotoAsync($"/editor/articles/{coverage.Id}/live");
        var token = Guid.NewGuid().ToString("N")[..10];

        // The desk by keyboard alone: the text box, then the button that posts.
        var reachedText = await editor.TabToAsync("Body");
        var direction = await editor.Field("Update text (Markdown)").GetAttributeAsync("dir");
        await editor.TypeAsync($"The ring road is open again ({token}).");
        var reachedButton = await editor.TabToAsync("Post update");
        await editor.PressAndWaitForPageAsync("Enter");
        await editor.Page.Context.CloseAsync();

        await reader.ReturnToTabAsync();
        await reader.NewUpdatesButton.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 10_000 });
        var announced = await reader.LiveStatus.InnerTextAsync();
        var newestWhileWaiting = await reader.LiveUpdates.First.GetAttributeAsync("id");
        var shownWhileWaiting = await reader.LiveUpdates.CountAsync();
        var notice = await reader.NewUpdatesButton.InnerTextAsync();

        await reader.NewUpdatesButton.FocusAsync();
        await reader.PressEnterAsync();
        await reader.LiveUpdates.First.Filter(new() { HasText = token }).WaitForAsync(new() { Timeout = 10_000 });
        var focused = await reader.FocusedElementAsync();
        var shownAfter = await reader.LiveUpdates.CountAsync();
        var announcedAfter = await reader.LiveStatus.InnerTextAsync();
        var buttonAfter = await reader.NewUpdatesButton.IsVisibleAsync();
        await reader.Page.Context.CloseAsync();

        Assert.True(reachedText);
        Assert.Equal(edition == "fa" ? "rtl" : "ltr", direction);
        Assert.True(reachedButton);
        Assert.True(switchedOn);
        Assert.Equal(Fixture.Text(edition, "NewUpdatesAnnounce"), announced.Trim());
        Assert.Equal(newestBefore, newestWhileWaiting);
        Assert.Equal(shownBefore, shownWhileWaiting);
        Assert.Contains(edition == "fa" ? "۱" : "1", notice, StringComparison.Ordinal);
        Assert.Equal(shownBefore + 1, shownAfter);
        Assert.Equal("article", focused.Tag.ToLowerInvariant());
        Assert.Contains(token, focused.Text, StringComparison.Ordinal);
        Assert.Equal("", announcedAfter.Trim());
        Assert.False(buttonAfter);
    }

    [SkippableFact]
    public async Task AReaderWhoTurnsTheNoticeOffIsNotToldAndTheChoiceIsKept()
    {
        SkipWithoutBrowser();
        var coverage = await Fixture.QueryAsync(db => db.Articles.Where(a => a.Edition.Code == "en" && a.IsLiveCoverage).Select(a => new { a.Id, a.Slug }).FirstAsync());
        var path = $"/en/a/{Uri.EscapeDataString(coverage.Slug)}/{coverage.Id}";
        var reader = new ReaderPage(await Fixture.NewPageAsync(Viewport.Desktop), key => Fixture.Text("en", key));
        await reader.GotoAsync(path);
        await reader.NewUpdatesSwitch.UncheckAsync();
        await reader.GotoAsync(path);
        var keptOff = !await reader.NewUpdatesSwitch.IsCheckedAsync();

        var editor = new EditorPage(await Fixture.NewPageAsync(Viewport.Desktop));
        await editor.SignInAsync(await Fixture.CreateUserAsync(NewsroomRoles.Editor, Password), Password);
        await editor.GotoAsync($"/editor/articles/{coverage.Id}/live");
        await editor.Field("Update text (Markdown)").FillAsync("Trains run again between Marisk and the capital.");
        await editor.SubmitAsync("Post update");
        await editor.Page.Context.CloseAsync();

        await reader.ReturnToTabAsync();
        await reader.Page.WaitForTimeoutAsync(1500);
        var told = await reader.NewUpdatesButton.IsVisibleAsync();
        await reader.Page.Context.CloseAsync();

        Assert.True(keptOff);
        Assert.False(told);
    }
}
