using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Editions;
using NewsPortal.Web.Features.Operations;
using NewsPortal.Web.Features.ReaderCache;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Mirror;

/// <summary>
/// Writes the static copy of one or all editions into a folder: front pages and their paging, every visible article
/// (full and text-only pages, live coverage's pages of updates), section, source, author, tag and correction pages,
/// the edition and section feeds, the sitemaps, the pictures the pages use (smaller renditions) and the stylesheet, then the signed
/// manifest. Pages are rendered by the site's own pipeline (<see cref="InProcessRequests"/>), so the copy shows
/// exactly what readers are shown: what is not public (drafts, scheduled and unpublished stories, pen names' real
/// names) cannot appear in it. Links are rewritten by <see cref="MirrorPageRewriter"/>.
/// <para>
/// A full build starts from every edition's front page and every visible article and follows the links; files of
/// an earlier copy that the build did not write are deleted. An update (<see cref="MirrorBuildRequest.ChangedTags"/>)
/// renders again only the pages that show what a save changed (their reader-cache tags), the pages they link to that
/// the copy does not hold yet (a new story, a new page of a list), and removes the pages that are no longer public and
/// the pictures no page uses. A file is written only when its bytes change. One build runs at a time.
/// </para>
/// </summary>
public sealed class BuildMirror(
    InProcessRequests requests,
    EditionCatalog catalog,
    IServiceScopeFactory scopes,
    StoragePaths paths,
    IOptions<SiteOptions> site,
    IOptionsMonitor<MirrorOptions> options,
    MirrorSigningKey key,
    TimeProvider time,
    ILogger<BuildMirror> logger) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    private InProcessRequests Requests => requests;

    private EditionCatalog Catalog => catalog;

    private IServiceScopeFactory Scopes => scopes;

    private SiteOptions Site => site.Value;

    private MirrorOptions Options => options.CurrentValue;

    private MirrorSigningKey Key => key;

    private TimeProvider Time => time;

    private ILogger Logger => logger;

    public void Dispose() => _oneAtATime.Dispose();

    public async Task<MirrorBuildResult> ExecuteAsync(MirrorBuildRequest request, IProgress<ArchiveProgress>? progress, CancellationToken cancellationToken)
    {
        var codes = request.Editions is { Count: > 0 } chosen ? chosen.Select(c => c.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList()
            : catalog.All.Select(e => e.Code).Order(StringComparer.Ordinal).ToList();
        if (codes.FirstOrDefault(c => catalog.Find(c) is null) is { } unknown)
        {
            throw new MirrorException($"There is no edition “{unknown}”. Editions: {string.Join(", ", catalog.All.Select(e => e.Code))}.");
        }

        if (!requests.IsReady)
        {
            throw new MirrorException("The site's request pipeline is not running, so no page can be rendered.");
        }

        var folder = Path.GetFullPath(request.Folder);
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var stateFile = MirrorState.PathFor(paths.DataDirectory, folder);
            var earlier = await MirrorState.LoadAsync(stateFile, cancellationToken);
            CheckFolder(folder, earlier);
            var incremental = false;
            if (request.ChangedTags is { } changed)
            {
                // An update needs the earlier copy of the same editions; a change to the editions themselves shows on every page.
                var fullBecause = changed.Contains(ReaderCacheTags.All) ? "the editions changed"
                    : earlier is null ? "there is no earlier build of this folder"
                    : !earlier.Editions.SequenceEqual(codes) ? "the earlier build holds other editions"
                    : !File.Exists(Path.Combine(folder, MirrorManifest.FileName)) ? "the folder has no manifest"
                    : null;
                incremental = fullBecause is null;
                if (!incremental)
                {
                    logger.LogInformation("The mirror in {Folder} is built whole: {Reason}", folder, fullBecause);
                }
            }

            var run = new Run(this, folder, codes, incremental ? earlier! : null, progress, cancellationToken);
            var result = await run.ExecuteAsync(request.ChangedTags);
            await new MirrorState { Editions = codes, BuiltAt = result.BuiltAt, Files = run.Files }.SaveAsync(stateFile, cancellationToken);
            logger.LogInformation(
                "Mirror of {Editions} in {Folder}: {Kind}, {Rendered} pages rendered, {Written} files written, {Removed} removed, {Files} files ({Bytes} bytes) in {Seconds:0.0} s",
                string.Join(",", codes), folder, result.Incremental ? "update" : "full build", result.Rendered, result.Written, result.Removed, result.Files, result.Bytes, result.Took.TotalSeconds);
            return result;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>Never deletes what is not a copy: the folder is new, empty, or holds a copy this site wrote.</summary>
    private static void CheckFolder(string folder, MirrorState? earlier)
    {
        if (File.Exists(folder))
        {
            throw new MirrorException($"{folder} is a file; give a folder for the copy.");
        }

        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any()
            && (earlier is null || !File.Exists(Path.Combine(folder, MirrorManifest.FileName))))
        {
            throw new MirrorException($"{folder} is not empty and holds no copy built here: give an empty or new folder (a build deletes what its copy no longer needs).");
        }
    }

    /// <summary>One build: the queue of pages, what each page wrote and what failed.</summary>
    private sealed class Run(BuildMirror owner, string folder, IReadOnlyList<string> codes, MirrorState? earlier, IProgress<ArchiveProgress>? progress, CancellationToken cancellationToken)
    {
        private const int PagesAhead = 16;

        private readonly ConcurrentDictionary<string, MirrorTarget> _scheduled = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<MirrorTarget> _queue = new();
        private readonly ConcurrentDictionary<string, byte> _failed = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, MirrorTarget[]> _links = new(StringComparer.Ordinal);
        private readonly HashSet<string> _editions = new(codes, StringComparer.Ordinal);
        private MirrorPageRewriter _rewriter = null!;
        private DateTime _builtAt;
        private int _rendered;
        private int _written;
        private int _enqueued;

        public Dictionary<string, MirrorFileState> Files { get; private set; } = new(StringComparer.Ordinal);

        private ConcurrentDictionary<string, MirrorFileState> _files = new(StringComparer.Ordinal);

        public async Task<MirrorBuildResult> ExecuteAsync(IReadOnlySet<string>? changedTags)
        {
            var clock = Stopwatch.StartNew();
            var now = owner.Time.GetUtcNow().UtcDateTime;
            _builtAt = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
            _rewriter = new MirrorPageRewriter(owner.Site.BaseUri, _editions, owner.Options.MaxPictureWidth);
            Directory.CreateDirectory(folder);

            if (earlier is not null)
            {
                _files = new ConcurrentDictionary<string, MirrorFileState>(earlier.Files, StringComparer.Ordinal);
                foreach (var (file, state) in earlier.Files)
                {
                    var target = new MirrorTarget(state.Path, state.Page, file);
                    _scheduled[file] = target;
                    if (state.Tags is { } tags && tags.Any(changedTags!.Contains))
                    {
                        Enqueue(target);
                    }
                }
            }
            else
            {
                await SeedAsync();
            }

            Report("Rendering pages");
            await RenderQueueAsync();

            // A page that linked to something that turned out not to be public is rendered again without that link.
            for (var pass = 0; pass < 3 && !_failed.IsEmpty; pass++)
            {
                var again = _links.Where(l => l.Value.Any(t => _failed.ContainsKey(t.File)) && _files.ContainsKey(l.Key)).Select(l => _scheduled[l.Key]).ToList();
                if (again.Count == 0)
                {
                    break;
                }

                foreach (var target in again)
                {
                    Enqueue(target);
                }

                await RenderQueueAsync();
            }

            var removed = RemoveUnused();
            Files = new Dictionary<string, MirrorFileState>(_files.OrderBy(f => f.Key, StringComparer.Ordinal), StringComparer.Ordinal);
            Report("Signing the manifest");
            await MirrorManifest.WriteAsync(folder, new MirrorManifestInfo(owner.Site.Name, owner.Site.BaseUri.AbsoluteUri, codes, _builtAt),
                Files.Select(f => new MirrorFileEntry(f.Key, f.Value.Sha256, f.Value.Bytes)), owner.Key, cancellationToken);
            return new MirrorBuildResult(earlier is not null, _rendered, _written, removed, Files.Count, Files.Values.Sum(f => f.Bytes), clock.Elapsed, _builtAt);
        }

        /// <summary>Every edition's front page, every visible article with its text-only page, the sitemaps, and the copy's own front door.</summary>
        private async Task SeedAsync()
        {
            Report("Listing the stories");
            var first = owner.Catalog.Default.Code is var main && _editions.Contains(main) ? main : codes[0];
            Schedule(new MirrorTarget("/" + first, 1, MirrorPaths.RootFile));
            foreach (var code in codes)
            {
                Include("/" + code, 1);
            }

            if (codes.Count == owner.Catalog.All.Count)
            {
                Include("/sitemap.xml", 1);
            }

            await using var scope = owner.Scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsPortalDbContext>();
            var now = owner.Time.GetUtcNow().UtcDateTime;
            var ids = codes.Select(c => owner.Catalog.Find(c)!.Id).ToList();
            var articles = db.Articles.AsNoTracking().VisibleAt(now).Where(a => ids.Contains(a.EditionId))
                .OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.Slug, a.Edition.Code })
                .AsAsyncEnumerable();
            var perEdition = new Dictionary<string, int>(StringComparer.Ordinal);
            await foreach (var article in articles.WithCancellation(cancellationToken))
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"/{article.Code}/a/{Uri.EscapeDataString(article.Slug)}/{article.Id}");
                Include(path, 1);
                Include(path + "/lite", 1);
                perEdition[article.Code] = perEdition.GetValueOrDefault(article.Code) + 1;
            }

            // Each edition's sitemaps, which a copy of some editions reaches through no index.
            foreach (var code in codes)
            {
                Include($"/sitemaps/{code}/news.xml", 1);
                var files = Math.Max(1, (perEdition.GetValueOrDefault(code) + owner.Site.SitemapUrlsPerFile - 1) / owner.Site.SitemapUrlsPerFile);
                for (var number = 1; number <= files; number++)
                {
                    Include(string.Create(CultureInfo.InvariantCulture, $"/sitemaps/{code}/articles-{number}.xml"), 1);
                }
            }
        }

        private bool Include(string path, int page) =>
            MirrorPaths.FileFor(path, page, _editions) is { } file && Include(new MirrorTarget(path, page, file));

        /// <summary>Whether the copy holds a target a page links to; a target not seen before is rendered in this build.</summary>
        private bool Include(MirrorTarget target)
        {
            if (_failed.ContainsKey(target.File))
            {
                return false;
            }

            Schedule(target);
            return true;
        }

        private MirrorTarget Schedule(MirrorTarget target)
        {
            var known = _scheduled.GetOrAdd(target.File, target);
            if (ReferenceEquals(known, target))
            {
                Enqueue(target);
            }

            return known;
        }

        /// <summary>
        /// A list's pager links only to its neighbours, so a list of a thousand pages would be found one page per round;
        /// the next pages after a linked one are queued at once (a page past the list's end answers 404 and is left
        /// out, and no page links to it).
        /// </summary>
        private void ScheduleFollowingPages(MirrorTarget linked)
        {
            for (var page = linked.Page + 1; page <= Math.Min(linked.Page + PagesAhead, owner.Site.MaxPage); page++)
            {
                Include(linked.Path, page);
            }
        }

        /// <summary>Queues a page for rendering; the progress bar's total is every page queued so far.</summary>
        private void Enqueue(MirrorTarget target)
        {
            Interlocked.Increment(ref _enqueued);
            _queue.Enqueue(target);
        }

        private async Task RenderQueueAsync()
        {
            var workers = Math.Max(1, Environment.ProcessorCount);
            while (!_queue.IsEmpty)
            {
                var wave = new List<MirrorTarget>();
                while (_queue.TryDequeue(out var next))
                {
                    wave.Add(next);
                }

                await Parallel.ForEachAsync(wave, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken }, async (target, _) =>
                {
                    await RenderAsync(target);
                    var done = Interlocked.Increment(ref _rendered);
                    if (done % 50 == 0)
                    {
                        progress?.Report(new ArchiveProgress(done, Volatile.Read(ref _enqueued), target.File, "Rendering pages"));
                    }
                });
            }

            progress?.Report(new ArchiveProgress(_rendered, _rendered, "", "Rendering pages"));
        }

        private async Task RenderAsync(MirrorTarget target)
        {
            var rendering = new MirrorRendering(_builtAt);
            var address = target.Page > 1 ? string.Create(CultureInfo.InvariantCulture, $"{target.Path}?page={target.Page}") : target.Path;
            var response = await owner.Requests.GetAsync(address, rendering, cancellationToken);
            if (response.StatusCode != StatusCodes.Status200OK)
            {
                if (response.StatusCode >= 500)
                {
                    owner.Logger.LogWarning("The mirror left out {Address}: the site answered {Status}", address, response.StatusCode);
                }

                _failed[target.File] = 0;
                _files.TryRemove(target.File, out _);
                return;
            }

            var links = new List<MirrorTarget>();
            var uses = new List<string>();
            bool Link(MirrorTarget linked)
            {
                if (!Include(linked))
                {
                    return false;
                }

                var known = _scheduled[linked.File];
                if (linked.Page >= 2)
                {
                    ScheduleFollowingPages(linked);
                }

                if (IsAsset(known.File))
                {
                    uses.Add(known.File);
                }
                else
                {
                    links.Add(known);
                }

                return true;
            }

            byte[] bytes;
            if (target.File.EndsWith(".html", StringComparison.Ordinal))
            {
                bytes = Encoding.UTF8.GetBytes(_rewriter.RewriteHtml(Encoding.UTF8.GetString(response.Body), address, target.File, Link));
            }
            else if (target.File.EndsWith(".xml", StringComparison.Ordinal))
            {
                bytes = Encoding.UTF8.GetBytes(_rewriter.RewriteXml(Encoding.UTF8.GetString(response.Body), address, target.File, Link));
            }
            else
            {
                bytes = response.Body;
            }

            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var path = Path.Combine(folder, target.File);
            if (!(_files.TryGetValue(target.File, out var before) && before.Sha256 == sha && File.Exists(path)))
            {
                await WriteAsync(path, bytes);
                Interlocked.Increment(ref _written);
            }

            _files[target.File] = new MirrorFileState
            {
                Path = target.Path,
                Page = target.Page,
                Sha256 = sha,
                Bytes = bytes.Length,
                Tags = rendering.Tags.Count == 0 ? null : [.. rendering.Tags.Order(StringComparer.Ordinal)],
                Uses = uses.Count == 0 ? null : [.. uses.Distinct(StringComparer.Ordinal)],
            };
            _links[target.File] = [.. links];
        }

        /// <summary>Deletes the files of pages that are gone, pictures no page uses, and (after a full build) anything else.</summary>
        private int RemoveUnused()
        {
            var used = _files.Where(f => !IsAsset(f.Key)).SelectMany(f => f.Value.Uses ?? []).ToHashSet(StringComparer.Ordinal);
            foreach (var asset in _files.Keys.Where(IsAsset).Where(a => !used.Contains(a)).ToList())
            {
                _files.TryRemove(asset, out _);
            }

            var removed = 0;
            var keep = new HashSet<string>(_files.Keys, StringComparer.Ordinal) { MirrorManifest.FileName, MirrorManifest.SignatureFileName, MirrorManifest.PublicKeyFileName };
            foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList())
            {
                if (!keep.Contains(Path.GetRelativePath(folder, path).Replace('\\', '/')))
                {
                    File.Delete(path);
                    removed++;
                }
            }

            foreach (var directory in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).ToList())
            {
                if (!Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    Directory.Delete(directory);
                }
            }

            return removed;
        }

        private static bool IsAsset(string file) => !file.EndsWith(".html", StringComparison.Ordinal) && !file.EndsWith(".xml", StringComparison.Ordinal);

        private static async Task WriteAsync(string path, byte[] bytes)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".partial";
            await File.WriteAllBytesAsync(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }

        private void Report(string step) => progress?.Report(new ArchiveProgress(0, 0, "", step));
    }
}

/// <summary>What to build: the folder, the editions (none: all) and, for an update, the reader-cache tags saves changed.</summary>
public sealed record MirrorBuildRequest(string Folder, IReadOnlyCollection<string>? Editions = null, IReadOnlySet<string>? ChangedTags = null);

/// <summary>What a build did.</summary>
public sealed record MirrorBuildResult(bool Incremental, int Rendered, int Written, int Removed, int Files, long Bytes, TimeSpan Took, DateTime BuiltAt);
