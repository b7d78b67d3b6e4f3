using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Media;
using NewsPortal.Web.Features.Editions;
using NewsPortal.Web.Features.Feeds;
using NewsPortal.Web.Features.FrontPage;
using NewsPortal.Web.Features.Mirror;
using NewsPortal.Web.Features.Search;
using NewsPortal.Web.Features.Sitemaps;
using NewsPortal.Web.Features.Sections;
using NewsPortal.Web.Features.Sources;
using NewsPortal.Web.Localization;
using NewsPortal.Web.Settings;
using NewsPortal.Web.Features.Site;

namespace NewsPortal.Web.Hosting;

internal static class WebExtensions
{
    /// <summary>
    /// How long browsers, CDNs and proxies may serve a picture without asking again: after a take-down it stays
    /// reachable from their copies for at most this long (see the README on purging).
    /// </summary>
    public const string MediaCacheControl = "public, max-age=300, must-revalidate";

    /// <summary>How long the mirror signing key may be kept by browsers and caches: it changes only if the data directory's key file is replaced.</summary>
    public const string MirrorKeyCacheControl = "public, max-age=3600";

    /// <summary>MVC with global antiforgery validation, localized views, typed site options and the edition catalog.</summary>
    public static IServiceCollection AddNewsPortalWeb(this IServiceCollection services)
    {
        services.AddValidatedOptions<SiteOptions>(SiteOptions.SectionName);
        services.AddValidatedOptions<EditionLocalizationOptions>(EditionLocalizationOptions.SectionName);
        services.AddSingleton<IValidateOptions<EditionLocalizationOptions>, LanguageDataValidation>();

        services.AddLocalization(options => options.ResourcesPath = "Localization/Resources");
        services.AddOptions<RequestLocalizationOptions>().Configure<IOptions<EditionLocalizationOptions>>((options, editions) =>
        {
            var cultures = editions.Value.SupportedCultures.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(editions.Value.DefaultCulture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.RequestCultureProviders = [new InterfaceCultureProvider(), new EditionCultureProvider()];
        });

        services.AddRouting(options =>
        {
            options.LowercaseUrls = true;
            options.ConstraintMap["edition"] = typeof(EditionCodeRouteConstraint);
        });
        services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(EditorResource)));

        // The antiforgery cookie: this site only, never read by script, Secure whenever the request came over HTTPS
        // (behind a TLS-terminating proxy too, through the forwarded headers). Not "Always": antiforgery refuses to
        // work at all over plain HTTP then, and a first local start runs on http://localhost.
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "NewsPortal-Antiforgery";
            options.Cookie.Path = "/";
            options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        // Pages are UTF-8: write Cyrillic and Persian as characters, not as numeric references.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // Antiforgery and cookie keys survive restarts: in the data directory (a volume in a container) on SQLite, in the
        // database on PostgreSQL, so that every instance behind the load balancer reads a session another one signed.
        // With DataProtection:CertificatePath they are encrypted at rest: a copy of the folder, the database or a backup cannot forge a session.
        services.AddValidatedOptions<KeyProtectionOptions>(KeyProtectionOptions.SectionName);
        services.AddDataProtection().SetApplicationName("NewsPortal");
        services.AddOptions<KeyManagementOptions>().Configure<StoragePaths, IOptions<KeyProtectionOptions>, IOptions<DatabaseOptions>, IServiceProvider>((options, paths, protection, database, provider) =>
        {
            options.XmlRepository = database.Value.Provider == DatabaseProvider.Postgres
                ? new EntityFrameworkCoreXmlRepository<NewsPortalDbContext>(provider, NullLoggerFactory.Instance)
                : new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(paths.DataDirectory, "keys")), NullLoggerFactory.Instance);
            if (!string.IsNullOrWhiteSpace(protection.Value.CertificatePath))
            {
                options.XmlEncryptor = new CertificateKeyEncryptor(protection.Value);
            }
        });

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SiteOptions>>((options, site) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in site.Value.TrustedProxies)
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });

        // No "Server: Kestrel" on responses: nothing that helps pick an exploit.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.AddServerHeader = false);

        services.AddHttpContextAccessor();
        services.AddSingleton<EditionCatalog>();
        services.AddSingleton<EditionResolver>();
        services.AddSingleton<InterfaceLanguages>();
        services.AddScoped<CurrentEdition>();

        services.AddScoped<GetFrontPage>();
        services.AddScoped<GetArticlePage>();
        services.AddScoped<Features.LiveCoverage.GetCoverageUpdates>();
        services.AddScoped<GetBreakingStory>();
        services.AddScoped<GetSectionPage>();
        services.AddScoped<Features.People.GetAuthorPage>();
        services.AddScoped<Features.People.FindPeople>();
        services.AddScoped<GetSourcePage>();
        services.AddScoped<Features.Tags.GetTagPage>();
        services.AddScoped<Features.Search.FindTags>();
        services.AddScoped<GetFeed>();
        services.AddScoped<GetCorrectionsFeed>();
        services.AddScoped<BuildArticleFeed>();
        services.AddScoped<GetSitemapEntries>();
        services.AddScoped<GetPictureAccess>();
        return services;
    }

    /// <summary>
    /// Errors become localized pages, strict headers go on every response, absurd requests stop early,
    /// media are served with a short shared cache lifetime, an unreadable article form is shown again, then routing, the reader cache, request culture, rate
    /// limits, sign-in, then the request culture (the editor area's from the signed-in person). A cached reader page is answered right after routing
    /// (and read counting, which counts cached and rendered article pages alike).
    /// </summary>
    public static WebApplication UseNewsPortalPipeline(this WebApplication app)
    {
        // First: the static mirror renders pages through everything that follows, in-process.
        app.Services.GetRequiredService<Features.Mirror.InProcessRequests>().Capture(app);
        // Behind a trusted proxy only: the client's address and scheme from X-Forwarded-For/-Proto (never the Host).
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseNewsPortalSecurityHeaders();
        app.UseMiddleware<Features.Mirror.OnionLocationMiddleware>();
        app.UseNewsPortalRequestLogging();
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.Map("/media", media =>
        {
            // Only pictures of published stories are public; unpublished work only for its author, editors and admins.
            media.UseMiddleware<PictureAccessMiddleware>();
            media.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(app.Services.GetRequiredService<StoragePaths>().MediaDirectory),
                // A rendition never changes, but it can be taken down (a picture removed because it endangers someone):
                // shared caches may keep it only briefly, then revalidate with the ETag and Last-Modified sent here.
                OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = PictureAccessMiddleware.CacheControlFor(context.Context, MediaCacheControl),
            });
            // A deleted or unknown picture is simply not found (not a sign-in redirect from the fallback policy).
            media.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
        app.UseMiddleware<Features.Editing.UnreadableArticleFormMiddleware>();
        app.UseRouting();
        app.UseNewsPortalReadCounting();
        app.UseNewsPortalOutputCache();
        app.UseRateLimiter();
        app.UseAuthentication();
        // After sign-in: the editor area speaks the language on the person's profile.
        app.UseRequestLocalization();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapNewsPortalEndpoints(this WebApplication app)
    {
        app.MapNewsPortalHealthChecks();
        app.MapNewsPortalMirror();

        // Stylesheets and icons under fingerprinted URLs (site.<hash>.css), cached for a year as immutable,
        // with their gzip and Brotli forms made at build time.
        app.MapStaticAssets().AllowAnonymous();

        // The public key that signs static mirrors' manifests: anyone holding a copy of the site checks it against this one.
        // The same for every reader, so shared caches may keep it; no cookie, no session.
        app.MapMethods(MirrorSigningKey.WellKnownPath, [HttpMethods.Get, HttpMethods.Head], (HttpContext context, MirrorSigningKey key) =>
        {
            context.Response.Headers.CacheControl = MirrorKeyCacheControl;
            return Results.Text(key.PublicKeyPem, MirrorSigningKey.PemContentType);
        }).AllowAnonymous();
        app.MapControllers().WithStaticAssets();
        return app;
    }
}
