namespace NewsPortal.Web.Features.Site;

/// <summary>Why a request answered 400, so the error page can say it in the reader's language.</summary>
public enum BadRequestReason
{
    Malformed = 0,
    QueryTooLong = 1,
    PageOutOfRange = 2,
}

internal static class BadRequestReasonKeys
{
    public const string ItemKey = "NewsPortal.BadRequestReason";
}
