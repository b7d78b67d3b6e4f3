using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NewsPortal.IntegrationTests.Areas.Editor;
using SkiaSharp;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>
/// A newsroom's working day squeezed together, against a site on a loopback address: editors each sign in, write a
/// story with a lead picture, save it several times (one save replaces the picture) and publish it, then start the
/// next; readers meanwhile fetch the pages, feeds and pictures linked from the front pages. Every request is timed
/// and every save the site acknowledged (a redirect back to the article) is written in the <see cref="SaveLedger"/>
/// with a hash of the text that was sent, so the stored archive can be checked afterwards.
/// </summary>
public sealed partial class NewsroomLoad(Uri address, IReadOnlyList<string> editorEmails, string password, int readers, SaveLedger ledger, LoadReport report)
{
    private const int SavesPerStory = 3;

    /// <summary>Runs until <paramref name="stop"/> is cancelled (or the site disappears under it, when <paramref name="siteMayVanish"/>).</summary>
    public async Task RunAsync(CancellationToken stop, bool siteMayVanish = false)
    {
        var paths = await ReaderPathsAsync(stop);
        var work = editorEmails.Select((email, i) => EditorAsync(email, i, siteMayVanish, stop))
            .Concat(Enumerable.Range(0, readers).Select(i => ReaderAsync(paths, i, siteMayVanish, stop)))
            .ToList();
        await Task.WhenAll(work);
    }

    private HttpClient Client(string who, bool cookies)
    {
        HttpMessageHandler inner = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        var recording = new RecordingHandler(report, who) { InnerHandler = cookies ? KestrelSiteFactory.CookieHandler(inner) : inner };
        return new HttpClient(recording) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    private async Task EditorAsync(string email, int number, bool siteMayVanish, CancellationToken stop)
    {
        using var client = Client("editor", cookies: true);
        var session = new EditorSession(client, email);
        var random = new Random(number);
        var pictures = Enumerable.Range(0, 2).Select(i => ImageUploadTests.Picture(SKEncodedImageFormat.Jpeg, 960 + (number * 16) + (i * 8), 540)).ToArray();
        try
        {
            var signIn = await session.SignInAsync(email, password);
            if (signIn.StatusCode != HttpStatusCode.Redirect)
            {
                report.Problem($"{email} could not sign in: {(int)signIn.StatusCode}");
                return;
            }

            for (var story = 0; !stop.IsCancellationRequested; story++)
            {
                var headline = $"Night ferry timetable, part {number}-{story} {Guid.NewGuid():N}";
                var text = new StoryText(headline, $"Editor {number} sums up story {story}.", Paragraphs(random, 0));
                var fields = ArticleWorkflowTests.Fields(text.Headline, "Save", text.Body);
                fields["Lead"] = text.Lead;
                fields["AltText"] = "A plain coloured test card";
                var attempt = ledger.Attempt(null, text);
                var created = await session.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", fields, ("leadImage", "card.jpg", pictures[0]));
                if (ArticleIdFrom(created) is not { } id)
                {
                    report.Problem($"creating \"{headline}\" answered {(int)created.StatusCode}");
                    continue;
                }

                ledger.Acknowledge(attempt, id);
                report.Uploaded();
                for (var save = 1; save <= SavesPerStory && !stop.IsCancellationRequested; save++)
                {
                    text = text with { Body = Paragraphs(random, save) };
                    attempt = ledger.Attempt(id, text);
                    var values = new Dictionary<string, string> { ["Body"] = text.Body, ["command"] = "Save" };
                    var saved = save == 2
                        ? await session.PostFormAsync($"/editor/articles/{id}", "form.editor-form", values, ("leadImage", "second.jpg", pictures[1]))
                        : await session.PostFormAsync($"/editor/articles/{id}", "form.editor-form", values);
                    if (ArticleIdFrom(saved) != id)
                    {
                        report.Problem($"saving article {id} answered {(int)saved.StatusCode}");
                        break;
                    }

                    ledger.Acknowledge(attempt, id);
                    if (save == 2)
                    {
                        report.Uploaded();
                    }
                }

                if (stop.IsCancellationRequested)
                {
                    break;
                }

                attempt = ledger.Attempt(id, text, publish: true);
                var published = await session.PostFormAsync($"/editor/articles/{id}", "form.editor-form", new() { ["command"] = "Publish" });
                if (ArticleIdFrom(published) != id)
                {
                    report.Problem($"publishing article {id} answered {(int)published.StatusCode}");
                    continue;
                }

                ledger.Acknowledge(attempt, id);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException && (stop.IsCancellationRequested || siteMayVanish))
        {
            // The load was stopped, or the site was killed under it: what was not acknowledged does not count.
        }
    }

    private async Task ReaderAsync(IReadOnlyList<string> paths, int number, bool siteMayVanish, CancellationToken stop)
    {
        using var client = Client("reader", cookies: false);
        var random = new Random(1000 + number);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await client.GetAsync(new Uri(paths[random.Next(paths.Count)], UriKind.Relative), stop);
                await response.Content.ReadAsByteArrayAsync(stop);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException or IOException && (stop.IsCancellationRequested || siteMayVanish))
        {
            // Stopped.
        }
    }

    /// <summary>The front pages and everything on this site they link to (articles, sections, feeds, pictures), the editor area left out.</summary>
    private async Task<IReadOnlyList<string>> ReaderPathsAsync(CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = address };
        var paths = new HashSet<string>(StringComparer.Ordinal) { "/", "/en", "/en/search?q=harbour" };
        foreach (var front in new[] { "/", "/en" })
        {
            var html = await client.GetStringAsync(new Uri(front, UriKind.Relative), stop);
            foreach (Match link in LinkPattern().Matches(html))
            {
                var path = WebUtility.HtmlDecode(link.Groups["path"].Value);
                if (!path.StartsWith("/editor", StringComparison.OrdinalIgnoreCase) && !path.StartsWith("//", StringComparison.Ordinal))
                {
                    paths.Add(path);
                }
            }
        }

        return paths.Order(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("""(?:href|src)="(?<path>/[^"#]*)""")]
    private static partial Regex LinkPattern();

    /// <summary>The article id of a save the site acknowledged: its redirect back to the article's form.</summary>
    private static int? ArticleIdFrom(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString;
        if (response.StatusCode != HttpStatusCode.Redirect || location is null)
        {
            return null;
        }

        var match = Regex.Match(location, @"/editor/articles/(\d+)(?:$|[?#])", RegexOptions.None, TimeSpan.FromSeconds(1));
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static string Paragraphs(Random random, int save)
    {
        var words = new[] { "ferry", "harbour", "timetable", "crossing", "night", "crew", "island", "weather", "pier", "passengers" };
        var paragraphs = Enumerable.Range(0, 3).Select(p => string.Join(' ', Enumerable.Range(0, 30).Select(_ => words[random.Next(words.Length)])) + ".");
        return $"Version {save}.\n\n" + string.Join("\n\n", paragraphs);
    }

    /// <summary>Times every request and counts its status by who sent it.</summary>
    private sealed class RecordingHandler(LoadReport report, string who) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var response = await base.SendAsync(request, cancellationToken);
            report.Record($"{who} {request.Method}", request.RequestUri?.PathAndQuery ?? "", (int)response.StatusCode, clock.Elapsed);
            return response;
        }
    }
}

/// <summary>The text of a story as an editor sent it.</summary>
public sealed record StoryText(string Headline, string Lead, string Body)
{
    /// <summary>A hash of the text, line endings made alike (a browser sends CR LF, the test LF).</summary>
    public string Hash => Of(Headline, Lead, Body);

    public static string Of(string headline, string lead, string body) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', headline, lead, body.Replace("\r\n", "\n", StringComparison.Ordinal)))));
}

/// <summary>
/// Every save sent and every save the site acknowledged, per article, in order. A stored article must hold the
/// text of its last acknowledged save before a moment, or of a save sent after it (one whose answer was cut off).
/// </summary>
public sealed class SaveLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, List<SentSave>> _articles = [];

    public sealed class SentSave(int? articleId, string hash, bool publish)
    {
        public int? ArticleId { get; set; } = articleId;

        public string Hash { get; } = hash;

        public bool Publish { get; } = publish;

        public DateTime SentAt { get; } = DateTime.UtcNow;

        public DateTime? AcknowledgedAt { get; set; }
    }

    public int Acknowledged { get { lock (_gate) { return _articles.Values.Sum(a => a.Count(x => x.AcknowledgedAt is not null)); } } }

    public int Published { get { lock (_gate) { return _articles.Values.Count(a => a.Any(x => x.Publish && x.AcknowledgedAt is not null)); } } }

    public SentSave Attempt(int? articleId, StoryText text, bool publish = false)
    {
        var attempt = new SentSave(articleId, text.Hash, publish);
        if (articleId is { } id)
        {
            lock (_gate)
            {
                Versions(id).Add(attempt);
            }
        }

        return attempt;
    }

    public void Acknowledge(SentSave attempt, int articleId)
    {
        lock (_gate)
        {
            if (attempt.ArticleId is null)
            {
                attempt.ArticleId = articleId;
                Versions(articleId).Add(attempt);
            }

            attempt.AcknowledgedAt = DateTime.UtcNow;
        }
    }

    /// <summary>
    /// What a copy of the archive taken at <paramref name="moment"/> (or after everything, when null) must hold: per
    /// article acknowledged by then, the hashes it may hold and whether it must be published.
    /// </summary>
    public IReadOnlyDictionary<int, (IReadOnlySet<string> Hashes, bool Published)> Expected(DateTime? moment = null)
    {
        lock (_gate)
        {
            var expected = new Dictionary<int, (IReadOnlySet<string>, bool)>();
            foreach (var (id, versions) in _articles)
            {
                var last = versions.FindLastIndex(v => v.AcknowledgedAt is { } at && (moment is null || at <= moment));
                if (last < 0)
                {
                    continue;
                }

                // A save sent after the last acknowledged one may have been stored without its answer arriving (or,
                // for a copy, after the copy began).
                var allowed = versions.Skip(last).Select(v => v.Hash).ToHashSet(StringComparer.Ordinal);
                expected[id] = (allowed, versions.Take(last + 1).Any(v => v.Publish));
            }

            return expected;
        }
    }

    private List<SentSave> Versions(int id)
    {
        if (!_articles.TryGetValue(id, out var versions))
        {
            _articles[id] = versions = [];
        }

        return versions;
    }
}

/// <summary>Counts and latencies of a load run, and anything that went wrong.</summary>
public sealed class LoadReport
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private int _uploads;

    public IReadOnlyCollection<string> Problems => _problems;

    /// <summary>Responses with a 5xx status, as "status METHOD path".</summary>
    public IReadOnlyList<string> ServerErrors => _serverErrors.ToList();

    private readonly ConcurrentQueue<string> _serverErrors = new();

    public int Uploads => _uploads;

    public int Requests => _statuses.Values.Sum();

    public void Record(string kind, string path, int status, TimeSpan elapsed)
    {
        _latencies.GetOrAdd(kind, _ => []).Add(elapsed.TotalMilliseconds);
        _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (status >= 500)
        {
            _serverErrors.Enqueue($"{status} {kind} {path}");
        }
    }

    public void Problem(string problem) => _problems.Enqueue(problem);

    public void Uploaded() => Interlocked.Increment(ref _uploads);

    /// <summary>A table of requests per kind with their latency percentiles, and the statuses seen.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"requests",-14} {"count",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var (kind, bag) in _latencies.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var sorted = bag.Order().ToArray();
            double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            text.AppendLine(CultureInfo.InvariantCulture, $"{kind,-14} {sorted.Length,7} {At(0.50),8:F0} {At(0.95),8:F0} {At(0.99),8:F0} {sorted[^1],8:F0}");
        }

        text.AppendLine("statuses: " + string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        return text.ToString();
    }
}
