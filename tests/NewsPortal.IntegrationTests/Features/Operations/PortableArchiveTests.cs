using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Areas.Editor;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Tests.Shared;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Operations;

namespace NewsPortal.IntegrationTests.Features.Operations;

/// <summary>The portable archive is plain Markdown with front matter, and importing it gives the same newsroom back.</summary>
[Collection(EditorAreaCollection.Name)]
public sealed class PortableArchiveTests(EditorAreaFactory factory) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsportal-exports", Guid.NewGuid().ToString("N"));

    /// <summary>A site started on an empty database, as the <c>import</c> command runs: migrated, nothing seeded.</summary>
    private sealed class EmptySiteFactory() : NewsPortalFactory(TestHost.NewDataDirectory())
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:SeedDemoContent"] = "false" }));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<int> ExportAsync(NewsPortalFactory site, string folder)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExportArchive>().ExecuteAsync(folder, null, CancellationToken.None);
    }

    /// <summary>Every story of an export by what identifies it across databases, with what must survive a round trip.</summary>
    private static Dictionary<string, string> Stories(string folder) =>
        Directory.EnumerateFiles(Path.Combine(folder, PortableArchive.ArticlesFolder), "*.md", SearchOption.AllDirectories).Select(file =>
        {
            var text = File.ReadAllText(file);
            var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
            var matter = PortableArchive.Deserializer.Deserialize<PortableArticle>(text[4..(end + 1)]);
            var key = $"{matter.Edition}/{matter.Slug}/{matter.Created:O}";
            var comparable = string.Join("|", matter.Section, matter.Headline, matter.Lead, string.Join(",", matter.Contributors.Select(c => c.Person + ":" + c.Role)), matter.Status, matter.Updated.ToString("O"), matter.Published?.ToString("O"), matter.Scheduled?.ToString("O"),
                string.Join(",", matter.Sources.Select(s => $"{s.Code}:{s.Role}")), matter.Picture?.Alt, matter.Picture?.Caption, matter.Picture?.Credit, matter.Picture?.Decorative,
                matter.Translations.Count, string.Join(",", matter.Tags), string.Join(",", matter.Corrections.Select(c => $"{c.Published:O}:{c.Text}")), text[(end + 5)..],
                matter.Coverage is { } coverage
                    ? $"{coverage.Started:O}/{coverage.Ended:O}:" + string.Join(";", coverage.Updates.Select(u =>
                        $"{u.Posted:O}|{string.Join(",", u.Contributors.Select(c => c.Person + ":" + c.Role))}|{u.Title}|{u.Body}|{u.Quote}|{u.QuoteBy}|{u.Pinned}|{string.Join(",", u.Sources)}|{u.CorrectionNote}|{u.Corrected:O}|{u.Removed:O}|{u.RemovalReason}"))
                    : "");
            return (key, comparable);
        }).ToDictionary(s => s.key, s => s.comparable);

    [Fact]
    public async Task AnExportImportedIntoAnEmptySiteExportsTheSameStories()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var draft = ArticleWorkflowTests.Fields($"Чернетка про повінь {Guid.NewGuid():N}", "Submit");
        var topic = $"Дамби {Guid.NewGuid():N}";
        draft["Tags"] = $"Повені, {topic}";
        await editor.PostFormAsync("/editor/articles/new?edition=uk", "form.editor-form", draft);
        var first = Path.Combine(_folder, "first");
        var exported = await ExportAsync(factory, first);

        await using var empty = new EmptySiteFactory();
        await ((Xunit.IAsyncLifetime)empty).InitializeAsync();
        await using (var scope = empty.Services.CreateAsyncScope())
        {
            Assert.Equal(exported, await scope.ServiceProvider.GetRequiredService<ImportArchive>().ExecuteAsync(first, null, CancellationToken.None));
        }

        var second = Path.Combine(_folder, "second");
        Assert.Equal(exported, await ExportAsync(empty, second));
        var before = Stories(first);
        var after = Stories(second);
        Assert.Empty(before.Keys.Except(after.Keys).Concat(after.Keys.Except(before.Keys).Select(k => "+" + k)));
        Assert.All(before, story => Assert.Equal(story.Value, after[story.Key]));
        Assert.Contains(before.Values, v => v.Contains("|InReview|", StringComparison.Ordinal));
        Assert.Contains(before.Values, v => v.Contains($"|Повені,{topic}|", StringComparison.Ordinal));
        Assert.Contains(before.Values, v => v.Contains("|Floods,Selvan river,Marisk,Evacuations|", StringComparison.Ordinal));
        // Every edition's tags come back with their addresses, so tag pages keep their URLs.
        string Tags(string folder) => string.Join("\n", PortableArchive.Deserializer.Deserialize<PortableNewsroom>(File.ReadAllText(Path.Combine(folder, PortableArchive.NewsroomFile)))
            .Editions.SelectMany(e => e.Tags.Select(t => $"{e.Code}:{t.Slug}:{t.Name}")));
        Assert.Contains("uk:poveni:Повені", Tags(first), StringComparison.Ordinal);
        Assert.Equal(Tags(first), Tags(second));
        Assert.Equal(2, before.Values.Count(v => v.Contains("|True|staff|", StringComparison.Ordinal) || v.Contains("|True|reuters,afp|", StringComparison.Ordinal)));
        Assert.Equal(
            await factory.QueryAsync(db => db.LiveUpdates.CountAsync()),
            await empty.QueryAsync(db => db.LiveUpdates.CountAsync()));
        Assert.Equal(Directory.GetFiles(Path.Combine(first, PortableArchive.PicturesFolder)).Length, Directory.GetFiles(Path.Combine(second, PortableArchive.PicturesFolder)).Length);
        Assert.Equal(
            await factory.QueryAsync(db => db.TranslationGroups.CountAsync(g => db.Articles.Count(a => a.TranslationGroupId == g.Id) > 1)),
            await empty.QueryAsync(db => db.TranslationGroups.CountAsync()));
        await ((Xunit.IAsyncLifetime)empty).DisposeAsync();
    }

    [Fact]
    public async Task AStoryIsReadableWithoutNewsPortal()
    {
        var folder = Path.Combine(_folder, "plain");
        await ExportAsync(factory, folder);
        var story = Directory.EnumerateFiles(Path.Combine(folder, PortableArchive.ArticlesFolder, "fa"), "*.md").First();
        var text = await File.ReadAllTextAsync(story);

        Assert.StartsWith("---\nid: ", text, StringComparison.Ordinal);
        Assert.Contains("\nedition: fa\n", text, StringComparison.Ordinal);
        Assert.Contains("\nsources:\n- code: ", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, PortableArchive.NewsroomFile)));
    }

    [Fact]
    public async Task ImportRefusesADatabaseThatHoldsANewsroom()
    {
        var folder = Path.Combine(_folder, "again");
        await ExportAsync(factory, folder);
        await using var scope = factory.Services.CreateAsyncScope();

        var refusal = await Assert.ThrowsAsync<ArchiveException>(() => scope.ServiceProvider.GetRequiredService<ImportArchive>().ExecuteAsync(folder, null, CancellationToken.None));

        Assert.Contains("not empty", refusal.Message, StringComparison.Ordinal);
    }
}
