using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.BrowserTests.Pages;
using NewsPortal.Web.Domain;
using SkiaSharp;

namespace NewsPortal.BrowserTests.Editor;

/// <summary>
/// Stored XSS, tried as an attacker with a newsroom account would: script in every field an editor can fill
/// (headline, lead, body, picture alt text, caption and credit, section and source names), typed through the
/// forms, then every reader and editor page and feed that shows it is opened in the browser. Nothing may run,
/// no element may carry an event handler or a <c>javascript:</c> address, and the text is shown as typed.
/// </summary>
public class HostileInputTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "a long newsroom pass phrase";

    /// <summary>What an attacker types: markup, attribute and script-block breakouts, template syntax. <c>{0}</c> tells the fields apart.</summary>
    private static string Payload(int field) =>
        $"x{field} <script>__xss({field})</script> \"><img src=x onerror=__xss({field})> '></script><svg onload=__xss({field})> {{{{7*7}}}} end{field}";

    /// <summary>Markdown's own ways in: raw HTML, script addresses in links and images, an autolink.</summary>
    private static string BodyPayload =>
        Payload(3) + "\n\n<details open ontoggle=__xss(31)>raw</details>\n\n[click](javascript:__xss(32)) ![pic](javascript:__xss(33)) <javascript:__xss(34)>\n\n<iframe src=\"javascript:__xss(35)\"></iframe>";

    [SkippableFact]
    public async Task ScriptTypedIntoAnyFieldIsInertOnEveryPageAndFeed()
    {
        SkipWithoutBrowser();
        var page = new EditorPage(await Fixture.NewPageAsync(Viewport.Desktop));
        var fired = new List<string>();
        await page.Page.Context.ExposeFunctionAsync("__xss", (int n) => { lock (fired) { fired.Add(n.ToString(System.Globalization.CultureInfo.InvariantCulture)); } });
        page.Page.Dialog += (_, dialog) => { lock (fired) { fired.Add("dialog: " + dialog.Message); } _ = dialog.DismissAsync(); };
        await page.SignInAsync(await Fixture.CreateUserAsync(NewsroomRoles.Admin, Password), Password);
        var picture = Path.Combine(Path.GetTempPath(), $"card-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(picture, Picture());
        var suffix = Guid.NewGuid().ToString("N")[..8];
        try
        {
            // A section and a source with hostile names, through the setup page.
            await page.GotoAsync("/editor/setup");
            await page.Field("Edition").SelectOptionAsync("en");
            await page.Field("Name").FillAsync(Payload(7)[..90]);
            await page.Field("Slug").FillAsync("probe-" + suffix);
            await page.SubmitAsync("Add the section");
            await page.Field("Code").FillAsync("probe" + suffix);
            await page.Field("Short name").FillAsync(Payload(8)[..58]);
            await page.Field("Full name").FillAsync(Payload(9));
            await page.SubmitAsync("Add the source");

            // The story, every field hostile, published in that section with that source credited.
            await page.GotoAsync("/editor/articles/new?edition=en");
            await page.Field("Headline").FillAsync(Payload(1));
            await page.Field("Lead").FillAsync(Payload(2));
            await page.Field("Body (Markdown)").FillAsync(BodyPayload);
            await page.Field("Section").SelectOptionAsync(new SelectOptionValue { Label = Payload(7)[..90] });
            await page.Field("Add a credit").SelectOptionAsync(new SelectOptionValue { Value = "probe" + suffix });
            await page.SubmitAsync("Add credit");
            await page.ChooseFileAsync("Lead image", picture);
            await page.Field("Alt text").FillAsync(Payload(4));
            await page.Field("Caption").FillAsync(Payload(5));
            await page.Field("Credit").FillAsync(Payload(6));
            await page.SubmitAsync("Publish now");
            var article = await Fixture.QueryAsync(db => db.Articles.Where(a => a.Headline == Payload(1)).Select(a => new { a.Id, a.Slug, a.Status }).SingleAsync());

            var pages = new[]
            {
                $"/en/a/{article.Slug}/{article.Id}", $"/en/a/{article.Slug}/{article.Id}/lite", "/en", $"/en/s/probe-{suffix}", $"/en/source/probe{suffix}",
                "/en/search?q=end1", $"/en/preview/{article.Id}", "/editor", $"/editor/articles/{article.Id}", $"/editor/articles/{article.Id}/revisions",
                "/editor/setup", "/editor/audit",
            };
            var findings = new List<string>();
            foreach (var path in pages)
            {
                var response = await page.GotoAsync(path);
                findings.AddRange((await page.HostileMarkupAsync()).Select(f => $"{path}: {f}"));
                if (response?.Status != 200)
                {
                    findings.Add($"{path}: answered {response?.Status}");
                }
            }

            var articleText = await ReadTextAsync(page, $"/en/a/{article.Slug}/{article.Id}");
            var altText = await page.Page.Locator("main figure img").First.GetAttributeAsync("alt");
            foreach (var feed in new[] { "/en/feed", "/en/feed/atom", $"/en/s/probe-{suffix}/feed", $"/en/source/probe{suffix}/feed" })
            {
                findings.AddRange((await page.HostileFeedMarkupAsync(feed)).Select(f => $"{feed}: {f}"));
            }

            await page.Page.Context.CloseAsync();

            Assert.Equal(ArticleStatus.Published, article.Status);
            Assert.True(findings.Count == 0, "Hostile markup came alive:\n" + string.Join('\n', findings));
            Assert.Empty(fired);
            // Shown as typed: the reader sees the attacker's text, not an empty gap.
            Assert.Contains(Payload(1), articleText, StringComparison.Ordinal);
            Assert.Contains(Payload(2), articleText, StringComparison.Ordinal);
            Assert.Contains("<script>__xss(3)</script>", articleText, StringComparison.Ordinal);
            Assert.Contains(Payload(5), articleText, StringComparison.Ordinal);
            Assert.Contains(Payload(6), articleText, StringComparison.Ordinal);
            Assert.Equal(Payload(4), altText);
        }
        finally
        {
            File.Delete(picture);
        }
    }

    private static async Task<string> ReadTextAsync(EditorPage page, string path)
    {
        await page.GotoAsync(path);
        return await page.Page.InnerTextAsync("main");
    }

    private static byte[] Picture()
    {
        using var bitmap = new SKBitmap(1280, 720);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(40, 90, 160));
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data.ToArray();
    }
}
