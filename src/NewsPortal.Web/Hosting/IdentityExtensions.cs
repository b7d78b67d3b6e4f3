using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Accounts;

namespace NewsPortal.Web.Hosting;

internal static class IdentityExtensions
{
    /// <summary>
    /// ASP.NET Core Identity on the portal's database, set to OWASP ASVS level 2 rather than the framework
    /// defaults: 12-character passwords without composition rules, lockout after 5 failures, PBKDF2 at
    /// 210,000 iterations, a <c>__Host-</c> cookie (Secure, HttpOnly, SameSite=Strict) with a 30-minute idle
    /// and 12-hour absolute limit, and the security stamp checked on every request so that disabling a
    /// user, changing a role or signing out ends existing sessions at once. Everything is denied unless
    /// an endpoint says otherwise.
    /// </summary>
    public static IServiceCollection AddNewsPortalIdentity(this IServiceCollection services)
    {
        services.AddIdentityCore<NewsroomUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddClaimsPrincipalFactory<NewsroomClaimsPrincipalFactory>()
            .AddEntityFrameworkStores<NewsPortalDbContext>()
            .AddSignInManager<NewsroomSignInManager>()
            .AddDefaultTokenProviders();

        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.Zero;
            options.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(SessionLimits.SignedInAtClaim) is { } signedIn && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaim(new Claim(SessionLimits.SignedInAtClaim, signedIn.Value));
                }

                return Task.CompletedTask;
            };
        });

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "__Host-NewsPortal-Editor";
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.ExpireTimeSpan = SessionLimits.IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/editor/login";
            options.LogoutPath = "/editor/logout";
            options.AccessDeniedPath = "/editor/denied";
            options.ReturnUrlParameter = "returnUrl";
            options.Events.OnValidatePrincipal = ValidatePrincipalAsync;
            options.Events.OnRedirectToLogin = RedirectWithinSite;
            options.Events.OnRedirectToAccessDenied = RedirectWithinSite;
        });

        services.AddAuthorization(options =>
        {
            options.AddPolicy(EditorPolicies.Newsroom, p => p.RequireAuthenticatedUser().RequireRole(NewsroomRoles.All));
            options.AddPolicy(EditorPolicies.Publishing, p => p.RequireAuthenticatedUser().RequireRole(NewsroomRoles.Editor, NewsroomRoles.Admin));
            options.AddPolicy(EditorPolicies.Administration, p => p.RequireAuthenticatedUser().RequireRole(NewsroomRoles.Admin));
            // Deny by default, for every endpoint that does not say otherwise. A request that matches no endpoint
            // (or only the wrong verb) has nothing to protect: it goes on to its 404 or 405 page instead of
            // advertising the editor's sign-in page to every scanner.
            options.FallbackPolicy = new AuthorizationPolicyBuilder()
                .RequireAssertion(context => MatchesNoEndpoint(context.Resource) || IsNewsroomMember(context.User))
                .Build();
        });

        // A save that arrives after the session ended answers with a sign-in page that keeps the text.
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, SessionEndedAuthorizationHandler>();
        services.AddScoped<PasswordSignIn>();
        return services;
    }

    /// <summary>The framework's stand-in when only the HTTP method did not match: it answers 405.</summary>
    private const string MethodNotAllowedEndpoint = "405 HTTP Method Not Supported";

    private static bool MatchesNoEndpoint(object? resource) =>
        resource is HttpContext http && http.GetEndpoint() is not { } endpoint
        || resource is HttpContext { } matched && matched.GetEndpoint()?.DisplayName == MethodNotAllowedEndpoint;

    private static bool IsNewsroomMember(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && NewsroomRoles.All.Any(user.IsInRole);

    /// <summary>
    /// Sign-in and access-denied redirects as paths: the default builds an absolute URL from the request's
    /// <c>Host</c> header, which a forged header would turn into a redirect to another site.
    /// </summary>
    private static Task RedirectWithinSite(RedirectContext<CookieAuthenticationOptions> context)
    {
        var target = new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute);
        context.Response.Redirect(target.IsAbsoluteUri ? target.PathAndQuery : context.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var signedIn = context.Principal?.FindFirst(SessionLimits.SignedInAtClaim)?.Value;
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (signedIn is null
            || !long.TryParse(signedIn, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || time - new DateTimeOffset(ticks, TimeSpan.Zero) > SessionLimits.AbsoluteTimeout)
        {
            context.RejectPrincipal();
            await context.HttpContext.RequestServices.GetRequiredService<SignInManager<NewsroomUser>>().SignOutAsync();
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);

        // Every signed-in request renews the cookie for another 30 minutes (the stamp check above does it too,
        // but the session expiry that editor pages and /editor/session/extend report relies on it, so it is
        // said here). The absolute limit above is checked against the sign-in time and never moves.
        if (context.Principal is not null)
        {
            context.ShouldRenew = true;
        }
    }
}
