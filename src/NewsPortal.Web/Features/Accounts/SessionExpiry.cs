using System.Globalization;
using System.Security.Claims;

namespace NewsPortal.Web.Features.Accounts;

/// <summary>
/// When the current editor session ends if nothing else reaches the server: 30 minutes after this request
/// (every signed-in request renews the cookie), but never after the absolute limit of 12 hours from
/// sign-in, which no request and no "Stay signed in" can move. Editor pages carry it so that the page's
/// script can warn before the end instead of letting a save fail.
/// </summary>
public sealed record SessionExpiry(DateTimeOffset ExpiresAt, bool IsAbsoluteLimit)
{
    /// <summary>The expiry of <paramref name="user"/>'s session as of <paramref name="now"/>, or null when nobody is signed in.</summary>
    public static SessionExpiry? For(ClaimsPrincipal user, DateTimeOffset now)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var idle = now + SessionLimits.IdleTimeout;
        if (user.FindFirst(SessionLimits.SignedInAtClaim)?.Value is { } value
            && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            var absolute = new DateTimeOffset(ticks, TimeSpan.Zero) + SessionLimits.AbsoluteTimeout;
            if (absolute <= idle)
            {
                return new SessionExpiry(absolute, IsAbsoluteLimit: true);
            }
        }

        return new SessionExpiry(idle, IsAbsoluteLimit: false);
    }

    /// <summary>The round-trip ISO 8601 form the script reads (<c>Date.parse</c> understands it).</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
