namespace NewsPortal.Web.Features.Accounts;

/// <summary>The outcome of an admin's change to an account: what to tell them, or that the account does not exist.</summary>
public sealed record AccountChange(bool Found, Notice? Message)
{
    public static readonly AccountChange NotFound = new(false, null);

    public static AccountChange Told(Notice message) => new(true, message);
}
