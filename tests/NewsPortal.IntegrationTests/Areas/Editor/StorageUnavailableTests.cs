using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>When nothing can be stored (disk full, read-only database), writes answer 503 with the text kept, and reading goes on.</summary>
[Collection(EditorAreaCollection.Name)]
public class StorageUnavailableTests(EditorAreaFactory factory)
{
    /// <summary>Fails every save with the error SQLite reports when the disk is full, while switched on.</summary>
    private sealed class FullDisk : SaveChangesInterceptor
    {
        public volatile bool IsFull;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            IsFull ? throw new DbUpdateException("disk full", new SqliteException("database or disk is full", 13)) : ValueTask.FromResult(result);
    }

    private async Task<(EditorSession Editor, FullDisk Disk, WebApplicationFactory<Program> Host)> SiteAsync()
    {
        var disk = new FullDisk();
        var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IInterceptor>(disk)));
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor, host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true }));
        return (editor, disk, host);
    }

    [Fact]
    public async Task ASaveOnAFullDiskAnswers503WithTheTextStillInTheForm()
    {
        var (editor, disk, host) = await SiteAsync();
        await using var _ = host;
        var headline = $"Lighthouse keeper retires after forty years {Guid.NewGuid():N}";
        var form = await editor.ReadFormAsync("/editor/articles/new?edition=en");
        foreach (var (name, value) in ArticleWorkflowTests.Fields(headline, "Save", body: "Forty winters on the rock."))
        {
            form[name] = value;
        }

        disk.IsFull = true;
        var response = await editor.PostFieldsAsync("/editor/articles/new", form);
        disk.IsFull = false;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter is not null);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nothing was saved", page.QuerySelector(".problems")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(headline, page.QuerySelector("#Headline")?.GetAttribute("value") ?? page.QuerySelector("[name=Headline]")!.GetAttribute("value"));
        Assert.Contains("Forty winters on the rock.", page.QuerySelector("[name=Body]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.Articles.CountAsync(a => a.Headline == headline)));
        Assert.Contains(factory.Logs.Entries, e => e.Contains("could not be stored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OtherWritesAnswer503AndReadingGoesOn()
    {
        var (_, disk, host) = await SiteAsync();
        await using var __ = host;
        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin, host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true }));

        disk.IsFull = true;
        var refused = await admin.PostFormAsync("/editor/setup", "form[action='/editor/setup/sections']", new() { ["Edition"] = "en", ["Name"] = "Weather", ["Slug"] = $"weather-{Guid.NewGuid():N}"[..16] });
        var reading = await host.CreateClient().GetAsync(new Uri("/en", UriKind.Relative));
        disk.IsFull = false;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reading.StatusCode);
    }
}
