using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace NewsPortal.Web.Features.Media;

/// <summary>
/// Stands in front of the picture files: a public picture goes on to the file server with the shared cache lifetime,
/// a private one only to the person allowed to see it and marked for no cache at all, anything else is not found
/// (the same answer for a picture that exists as for one that does not).
/// </summary>
public sealed class PictureAccessMiddleware(RequestDelegate next, ILogger<PictureAccessMiddleware> logger)
{
    /// <summary>The Cache-Control of unpublished work: kept by no browser or shared cache.</summary>
    public const string PrivateCacheControl = "private, no-store";

    public async Task InvokeAsync(HttpContext context, GetPictureAccess access)
    {
        var name = context.Request.Path.Value?.TrimStart('/') ?? "";
        if (GetPictureAccess.StorageKeyOf(name) is not { } key)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        ClaimsPrincipal? user = null;
        async Task<ClaimsPrincipal?> SignedInAsync() => user = (await context.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Principal;
        switch (await access.ExecuteAsync(key, SignedInAsync, context.RequestAborted))
        {
            case PictureAccess.Public:
                await next(context);
                return;
            case PictureAccess.Private:
                context.Items[PrivateCacheControl] = true;
                await next(context);
                return;
            default:
                if (user?.Identity?.IsAuthenticated == true)
                {
                    logger.LogInformation("Refused picture {Picture} to {User}: not theirs and not published", name, user.Identity.Name);
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
        }
    }

    /// <summary>The Cache-Control for a picture this middleware let through.</summary>
    public static string CacheControlFor(HttpContext context, string publicCacheControl) =>
        context.Items.ContainsKey(PrivateCacheControl) ? PrivateCacheControl : publicCacheControl;
}
