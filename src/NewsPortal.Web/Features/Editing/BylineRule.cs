using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Features.Articles;

namespace NewsPortal.Web.Features.Editing;

/// <summary>
/// A byline is published on the page, in the feeds and in structured data, so it must not be a newsroom
/// account's sign-in address, nor anything shaped like an e-mail address.
/// </summary>
public sealed class BylineRule(NewsPortalDbContext db)
{
    public static readonly Notice Problem = new("Problem.BylineIsEmail");

    /// <summary>Why <paramref name="author"/> cannot be published, or null when it can.</summary>
    public async Task<Notice?> ProblemAsync(string? author, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(author))
        {
            return null; // The form's own validation asks for an author.
        }

        if (PublicByline.ContainsEmailAddress(author))
        {
            return Problem;
        }

        var normalized = author.Trim().ToUpperInvariant();
        return await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, cancellationToken) ? Problem : null;
    }
}
