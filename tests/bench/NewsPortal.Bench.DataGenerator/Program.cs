using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsPortal.Bench.DataGenerator;
using NewsPortal.Web.Content.Markdown;
using NewsPortal.Web.Data;
using NewsPortal.Web.Hosting;

// Creates a data directory for the benchmarks: the app's own start-up sequence (migrations, WAL,
// roles, demo content, editions) on a new database, then N generated articles on top, tagged, with
// their related stories and a day of reads.
const string Usage = """
    usage: dotnet run -c Release --project tests/bench/NewsPortal.Bench.DataGenerator -- <data-directory> <article-count>

      <data-directory>  a new or empty folder; it receives newsportal.db (on SQLite), media/ and bench-targets.txt

    With Database__Provider=Postgres and ConnectionStrings__NewsPortal in the environment the articles go into that
    (empty) PostgreSQL database instead.
      <article-count>   1 to 100000 published articles, added to the demo content across the en, ru, uk and fa editions

    Start the published app on it with --Storage:DataDirectory=<data-directory>.
    """;

if (args.Length != 2
    || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
    || count is < 1 or > 100_000)
{
    await Console.Error.WriteLineAsync(Usage);
    return 2;
}

var dataDirectory = Path.GetFullPath(args[0]);
if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
{
    await Console.Error.WriteLineAsync($"{dataDirectory} is not empty: give a new or empty folder.\n\n{Usage}");
    return 2;
}

Directory.CreateDirectory(dataDirectory);
var clock = Stopwatch.StartNew();

// The app's own services and configuration (root appsettings.json), pointed at the new folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
builder.AddRootConfiguration([$"--Storage:DataDirectory={dataDirectory}", "--FileLog:Enabled=false"]);
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>((category, level) =>
    level >= LogLevel.Warning || (level >= LogLevel.Information && category?.StartsWith("NewsPortal", StringComparison.Ordinal) == true));
builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Services.AddNewsPortalData(builder.Configuration);
builder.Services.AddNewsPortalWeb();
builder.Services.AddNewsPortalIdentity();

await using var app = builder.Build();
await app.InitializeDatabaseAsync();
var startup = clock.Elapsed;

GenerationSummary summary;
(string Path, string EarlierPath) coverage;
TopicsSummary topics;
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<NewsPortalDbContext>();
    var generator = new ArticleGenerator(
        db,
        scope.ServiceProvider.GetRequiredService<ArticleMarkdownRenderer>(),
        scope.ServiceProvider.GetRequiredService<TimeProvider>(),
        Progress.ForStandardError(count));
    summary = await generator.RunAsync(count, CancellationToken.None);
    coverage = await new CoverageGenerator(
        db,
        scope.ServiceProvider.GetRequiredService<ArticleMarkdownRenderer>(),
        scope.ServiceProvider.GetRequiredService<TimeProvider>()).RunAsync(CancellationToken.None);
    topics = await new TopicsGenerator(db, scope.ServiceProvider.GetRequiredService<TimeProvider>()).RunAsync(CancellationToken.None);

    // Every published row must be in the full-text index that the triggers keep.
    var published = await db.Articles.CountAsync(a => a.Status == NewsPortal.Web.Domain.ArticleStatus.Published);
    var sqlite = db.Database.IsSqlite();
    var indexed = sqlite
        ? await db.Database.SqlQueryRaw<int>("""SELECT count(*) AS "Value" FROM "ArticleSearch" """).SingleAsync()
        : await db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM "Articles" WHERE "SearchVector" IS NOT NULL""").SingleAsync();
    if (indexed != published)
    {
        await Console.Error.WriteLineAsync($"The search index holds {indexed} rows for {published} published articles.");
        return 1;
    }

    if (sqlite)
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
    }
}

// The pages the benchmark measures, from what was generated.
var targets = new List<string>
{
    $"article={summary.SampleArticlePath ?? ""}",
    "front=/en",
    "section=/en/s/world",
    $"search=/en/search?q={Uri.EscapeDataString(summary.SampleSearchTerm ?? "water")}",
    "feed=/en/feed",
    "sitemap=/sitemaps/en/articles-1.xml",
    $"live={coverage.Path}",
    $"live-earlier={coverage.EarlierPath}",
};
await File.WriteAllLinesAsync(Path.Combine(dataDirectory, "bench-targets.txt"), targets);

var size = new DirectoryInfo(dataDirectory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    Generated {summary.Articles:N0} articles in {clock.Elapsed.TotalSeconds:0.0} s (start-up and demo content {startup.TotalSeconds:0.0} s) into {dataDirectory}
      per edition: {string.Join(", ", summary.PerEdition.Select(p => $"{p.Key} {p.Value:N0}"))}
      {summary.ArticlesInGroups:N0} in {summary.TranslationGroups:N0} translation groups, {summary.WithPictures:N0} with a picture, {summary.Corrections:N0} corrected
      {topics.Tags:N0} tags on {topics.TaggedArticles:N0} stories, {topics.RelatedRows:N0} related-story rows, {topics.ReadRows:N0} hourly read rows
      data directory {size / 1048576.0:N0} MB; bench pages in bench-targets.txt (article {summary.SampleArticlePath ?? "none"})
    """));
return 0;
