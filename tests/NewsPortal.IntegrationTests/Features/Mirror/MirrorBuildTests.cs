using System.Globalization;
using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Areas.Editor;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Mirror;

namespace NewsPortal.IntegrationTests.Features.Mirror;

/// <summary>
/// The static copy of the editions: every public page is in it, every link and asset resolves inside it, nothing of the
/// main site is fetched from it, nothing that is not public is in it, its manifest verifies, and the copy the site keeps
/// follows publications and unpublications by rendering only what changed.
/// </summary>
[Collection(MirrorCollection.Name)]
public sealed class MirrorBuildTests(MirrorFactory factory) : IDisposable
{
    private readonly List<string> _folders = [];

    [Fact]
    public async Task Copy_HoldsEveryPublicPageAndEveryLinkAndAssetResolvesInsideIt()
    {
        var token = "mq" + Guid.NewGuid().ToString("N")[..10];
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var draft = await editor.CreateArticleAsync(factory, $"Draft {token} one", "Save");
        var scheduled = await editor.CreateArticleAsync(factory, $"Scheduled {token} two", "Schedule",
            fields => fields["PublishAt"] = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        var offline = await editor.CreateArticleAsync(factory, $"Offline {token} three", "Publish");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{offline}", "form.editor-form", new() { ["command"] = "Unpublish" })).StatusCode);

        var copy = await BuildAsync();

        // Every visible story of every edition, full and text-only, and a real page (not a redirect) at the top.
        var visible = await factory.QueryAsync(db => db.Articles.AsNoTracking().VisibleAt(DateTime.UtcNow).Select(a => new { a.Id, a.Slug, a.Edition.Code }).ToListAsync());
        Assert.True(visible.Count >= 20);
        var files = copy.Files("*").ToHashSet(StringComparer.Ordinal);
        foreach (var article in visible)
        {
            Assert.Contains($"{article.Code}/a/{article.Slug}/{article.Id}/index.html", files);
            Assert.Contains($"{article.Code}/a/{article.Slug}/{article.Id}/lite/index.html", files);
        }

        Assert.Contains("index.html", files);
        Assert.Single(copy.Page("index.html").QuerySelectorAll("h1"));
        foreach (var expected in new[] { "en/page-2.html", "en/corrections/index.html", "en/source/reuters/index.html", "en/s/world/index.html", "en/feed/rss.xml", "en/feed/atom.xml", "sitemap.xml", "favicon.svg" })
        {
            Assert.Contains(expected, files);
        }

        Assert.Contains(files, f => f.StartsWith("css/site.", StringComparison.Ordinal) && f.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("media/", StringComparison.Ordinal));

        var checkedLinks = 0;
        foreach (var file in copy.Files("*.html"))
        {
            var page = copy.Page(file);
            Assert.Empty(page.QuerySelectorAll("script, form, iframe, base, meta[http-equiv]"));
            Assert.Equal("noindex, follow", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
            Assert.StartsWith("http://localhost/", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), StringComparison.Ordinal);
            Assert.NotNull(page.GetElementById("mirror-notice"));
            Assert.All(page.QuerySelectorAll("a[href^='#']"), skip => Assert.NotNull(page.GetElementById(skip.GetAttribute("href")![1..])));
            foreach (var (element, attribute, value) in MirrorCopy.Addresses(page))
            {
                if (element.LocalName == "link" && element.GetAttribute("rel") == "canonical")
                {
                    continue;
                }

                if (value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal))
                {
                    // Only the stories' own links to other sites, followed by a reader's choice; never the site itself, never an asset.
                    Assert.True(element.LocalName == "a" && !value.StartsWith("http://localhost", StringComparison.Ordinal), $"{file}: <{element.LocalName} {attribute}=\"{value}\"> leaves the copy");
                    continue;
                }

                if (value.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                Assert.True(copy.Resolve(file, value) is not null, $"{file}: <{element.LocalName} {attribute}=\"{value}\"> finds nothing in the copy");
                checkedLinks++;
            }
        }

        foreach (var file in copy.Files("*.xml"))
        {
            foreach (var address in copy.XmlAddresses(file))
            {
                if (address.StartsWith("http", StringComparison.Ordinal))
                {
                    Assert.False(address.StartsWith("http://localhost", StringComparison.Ordinal), $"{file}: {address} points to the main site");
                    continue;
                }

                Assert.True(copy.Resolve(file, address) is not null, $"{file}: {address} finds nothing in the copy");
                checkedLinks++;
            }
        }

        Assert.True(checkedLinks > 5000, $"only {checkedLinks} links checked");

        // Nothing that is not public: not its words, not a link to it, not a pen name's real name.
        Assert.Contains(files, f => f.StartsWith("fa/author/", StringComparison.Ordinal));
        foreach (var file in copy.Files("*").Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal)))
        {
            var text = copy.Text(file);
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Leyla Mansouri", text, StringComparison.Ordinal);
            foreach (var id in new[] { draft, scheduled, offline })
            {
                Assert.DoesNotMatch($@"/a/[^/""<\s]+/{id}/", text);
            }
        }
    }

    [Fact]
    public async Task Copy_TranslationLinksStayInsideTheCopyAndTheRightToLeftEditionKeepsItsDirection()
    {
        var copy = await BuildAsync();
        var english = await factory.QueryAsync(db => db.Articles.AsNoTracking().Where(a => a.Edition.Code == "en" && a.TranslationGroupId != null && a.Status == ArticleStatus.Published)
            .Select(a => new { a.Id, a.Slug }).FirstAsync());
        var page = copy.Page($"en/a/{english.Slug}/{english.Id}/index.html");
        var persian = page.QuerySelector("a[hreflang=fa]")!.GetAttribute("href")!;
        var target = copy.Resolve($"en/a/{english.Slug}/{english.Id}/index.html", persian);
        Assert.NotNull(target);
        Assert.StartsWith("fa/a/", target, StringComparison.Ordinal);
        var translated = copy.Page(target);
        Assert.Equal("rtl", translated.DocumentElement.GetAttribute("dir"));
        Assert.Contains("UTC", translated.GetElementById("mirror-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("mirrors.txt", translated.GetElementById("mirror-notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Copy_ManifestVerifiesAndAnAlteredOrAddedFileFails()
    {
        var copy = await BuildAsync();
        var verify = new VerifyMirror(factory.Service<MirrorSigningKey>());
        await AssertVerifiesAsync(copy.Folder);
        var good = await verify.ExecuteAsync(copy.Folder, null, null, CancellationToken.None);
        Assert.True(good.FilesChecked > 200, $"{good.FilesChecked} files checked");

        var page = Path.Combine(copy.Folder, "en", "index.html");
        await File.WriteAllTextAsync(page, (await File.ReadAllTextAsync(page)).Replace("</body>", "<script src=\"https://evil.example/x.js\"></script></body>", StringComparison.Ordinal));
        var altered = await verify.ExecuteAsync(copy.Folder, null, null, CancellationToken.None);
        Assert.False(altered.Ok);
        Assert.Contains("en/index.html", altered.Altered);

        var manifest = Path.Combine(copy.Folder, MirrorManifest.FileName);
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace("NewsPortal", "NewsPortaI", StringComparison.Ordinal));
        Assert.False((await verify.ExecuteAsync(copy.Folder, null, null, CancellationToken.None)).SignatureValid);
    }

    [Fact]
    public async Task OneEditionCopy_HoldsOnlyThatEditionAndZipsWithItsManifest()
    {
        var copy = await BuildAsync(["fa"]);
        var files = copy.Files("*").ToList();
        Assert.DoesNotContain(files, f => f.StartsWith("en/", StringComparison.Ordinal) || f.StartsWith("ru/", StringComparison.Ordinal) || f.StartsWith("uk/", StringComparison.Ordinal));
        Assert.Contains("fa/index.html", files);
        Assert.Contains("sitemaps/fa/articles-1.xml", files);
        Assert.DoesNotContain("sitemap.xml", files);
        Assert.All(files.Where(f => f.EndsWith(".xml", StringComparison.Ordinal)), f => Assert.DoesNotContain("http://localhost/en", copy.Text(f), StringComparison.Ordinal));
        var front = copy.Page("fa/index.html");
        Assert.Null(front.QuerySelector("a[hreflang=en]"));
        Assert.Contains(front.QuerySelectorAll(".language-navigation li"), item => item.TextContent.Contains("English", StringComparison.Ordinal));

        var zip = Path.Combine(Path.GetTempPath(), "newsportal-tests", Guid.NewGuid().ToString("N") + ".zip");
        await MirrorJobs.ZipFolderAsync(copy.Folder, zip, CancellationToken.None);
        try
        {
            await using var archive = await ZipFile.OpenReadAsync(zip);
            var names = archive.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet();
            Assert.Contains(MirrorManifest.FileName, names);
            Assert.Contains(MirrorManifest.SignatureFileName, names);
            Assert.Contains("fa/index.html", names);
            Assert.Equal(files.Count, names.Count(n => !n.EndsWith('/')));
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public async Task KeptCopy_FollowsAPublicationAndAnUnpublicationRenderingOnlyWhatChanged()
    {
        var jobs = factory.Service<MirrorJobs>();
        await WaitForIdleAsync(jobs);
        Assert.True(jobs.TryStartBuild("test"));
        var full = await WaitForResultAsync(jobs, null, _ => true);
        Assert.False(full.Incremental);
        var copy = new MirrorCopy(factory.KeptCopy);

        var headline = $"Ferry service resumes after the storm {Guid.NewGuid():N}";
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var id = await editor.CreateArticleAsync(factory, headline, "Publish");
        var slug = await factory.QueryAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        var page = $"en/a/{slug}/{id}/index.html";
        var published = await WaitForResultAsync(jobs, full, _ => File.Exists(Path.Combine(copy.Folder, page)));
        Assert.True(published.Incremental);
        Assert.True(published.Rendered < full.Rendered / 3, $"an update rendered {published.Rendered} of {full.Rendered} pages");
        Assert.Contains(headline, copy.Text("en/index.html"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(copy.Folder, $"en/a/{slug}/{id}/lite/index.html")));
        await AssertVerifiesAsync(copy.Folder);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editor/articles/{id}", "form.editor-form", new() { ["command"] = "Unpublish" })).StatusCode);
        var unpublished = await WaitForResultAsync(jobs, published, _ => !File.Exists(Path.Combine(copy.Folder, page)));
        Assert.True(unpublished.Incremental);
        Assert.False(Directory.Exists(Path.Combine(copy.Folder, $"en/a/{slug}/{id}")));
        foreach (var file in copy.Files("*").Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(headline, copy.Text(file), StringComparison.Ordinal);
        }

        await AssertVerifiesAsync(copy.Folder);
    }

    [Fact]
    public async Task MainSite_SendsOnionLocationAndListsItsOfficialMirrors()
    {
        var reader = factory.CreateReader();
        var front = await reader.GetAsync(new Uri("/en/s/world", UriKind.Relative));
        Assert.Equal(MirrorFactory.Onion + "/en/s/world", front.Headers.GetValues("Onion-Location").Single());
        var feed = await reader.GetAsync(new Uri("/en/feed", UriKind.Relative));
        Assert.False(feed.Headers.Contains("Onion-Location"));

        var list = await reader.GetAsync(new Uri("/mirrors.txt", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var text = await list.Content.ReadAsStringAsync();
        Assert.Contains(MirrorFactory.Onion, text, StringComparison.Ordinal);
        Assert.Contains(MirrorFactory.OfficialMirror, text, StringComparison.Ordinal);
        Assert.Contains("/.well-known/newsportal-mirror-key.pem", text, StringComparison.Ordinal);
        Assert.False(list.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task MirrorPage_IsForAdminsAndRefusesAnUnknownEdition()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var refused = await editor.Client.GetAsync(new Uri("/editor/mirror", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/editor/denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin);
        var page = await admin.GetDocumentAsync("/editor/mirror");
        Assert.NotNull(page.QuerySelector("h1"));
        var zip = await admin.PostFormAsync("/editor/mirror", "form[action$='/zip']", new() { ["edition"] = "xx" });
        Assert.Equal(HttpStatusCode.BadRequest, zip.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync(new Uri("/editor/mirror/zip/xx", UriKind.Relative))).StatusCode);
    }

    public void Dispose()
    {
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<MirrorCopy> BuildAsync(IReadOnlyCollection<string>? editions = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "newsportal-tests", "mirror-" + Guid.NewGuid().ToString("N"));
        _folders.Add(folder);
        await factory.Service<BuildMirror>().ExecuteAsync(new MirrorBuildRequest(folder, editions), null, CancellationToken.None);
        return new MirrorCopy(folder);
    }


    private async Task AssertVerifiesAsync(string folder)
    {
        var verified = await new VerifyMirror(factory.Service<MirrorSigningKey>()).ExecuteAsync(folder, null, null, CancellationToken.None);
        Assert.True(verified.Ok, $"signature {verified.SignatureValid}; missing {string.Join(", ", verified.Missing)}; altered {string.Join(", ", verified.Altered)}; unlisted {string.Join(", ", verified.Unlisted)}");
    }

    private static async Task WaitForIdleAsync(MirrorJobs jobs)
    {
        for (var i = 0; i < 600 && jobs.Status.Running; i++)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>The first job result after <paramref name="after"/> for which <paramref name="done"/> holds (30 s at most).</summary>
    private static async Task<MirrorBuildResult> WaitForResultAsync(MirrorJobs jobs, MirrorBuildResult? after, Func<MirrorBuildResult, bool> done)
    {
        for (var i = 0; i < 300; i++)
        {
            if (jobs.Status is { Running: false, LastResult: { } result } && !ReferenceEquals(result, after) && done(result))
            {
                return result;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No mirror job ended as expected; last status: {jobs.Status}");
    }
}
