using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Accounts;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>When the session ends, asked by the editor pages' script ("Stay signed in", and quietly while someone types).</summary>
public sealed class SessionController(TimeProvider time) : EditorController
{
    /// <summary>
    /// Keeps the session going for another 30 minutes and says until when. The renewal itself is the cookie's
    /// (every signed-in request renews it, see <c>IdentityExtensions</c>); this endpoint is the request that
    /// costs nothing else. It cannot pass the 12-hour limit: the answer then names that limit
    /// (<c>limit: "absolute"</c>) so the page can say that staying signed in is not possible. A session that
    /// already ended answers 401 with <c>{"signedIn":false}</c>, not a redirect to the sign-in page.
    /// Antiforgery: the page's token in the <c>RequestVerificationToken</c> header (global filter).
    /// </summary>
    [HttpPost("editor/session/extend")]
    [AnswersUnauthorizedWithStatus]
    public IActionResult Extend()
    {
        var now = time.GetUtcNow();
        var expiry = SessionExpiry.For(User, now)!;
        return Json(new
        {
            signedIn = true,
            now = SessionExpiry.Iso(now),
            expiresAt = SessionExpiry.Iso(expiry.ExpiresAt),
            limit = expiry.IsAbsoluteLimit ? "absolute" : "idle",
        });
    }
}
