using System.Security.Claims;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Accounts;

namespace NewsPortal.Web.Features.Editing;

/// <summary>Who is editing, and what their role lets them do.</summary>
public sealed record EditorIdentity(string UserId, string UserName, bool CanPublish, bool IsAdmin)
{
    /// <summary>The name colleagues know the person by ("Ana has been editing…"): their display name, or their user name without one.</summary>
    public string DisplayName { get; init; } = UserName;

    public static EditorIdentity From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user."),
        user.Identity?.Name ?? "",
        user.IsInRole(NewsroomRoles.Editor) || user.IsInRole(NewsroomRoles.Admin),
        user.IsInRole(NewsroomRoles.Admin))
    {
        DisplayName = NewsroomClaims.DisplayNameOf(user) is { Length: > 0 } name ? name : user.Identity?.Name ?? "",
    };

    /// <summary>Editors and admins edit anything; writers only their own articles that are not out yet.</summary>
    public bool MayEdit(Article article) =>
        CanPublish || (article.CreatedById == UserId && article.Status is ArticleStatus.Draft or ArticleStatus.InReview or ArticleStatus.Unpublished);
}
