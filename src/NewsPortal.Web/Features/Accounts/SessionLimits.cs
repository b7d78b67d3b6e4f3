namespace NewsPortal.Web.Features.Accounts;

/// <summary>How long an editor session lasts: 30 minutes idle, 12 hours at most from sign-in.</summary>
public static class SessionLimits
{
    /// <summary>The claim that records when the person signed in, for the absolute session limit.</summary>
    public const string SignedInAtClaim = "newsportal:signed-in-at";

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);
}
