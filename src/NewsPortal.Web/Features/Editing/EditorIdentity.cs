using System.Security.Claims;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Editing;

/// <summary>Who is editing, and what their role lets them do.</summary>
public sealed record EditorIdentity(string UserId, string UserName, bool CanPublish, bool IsAdmin)
{
    public static EditorIdentity From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user."),
        user.Identity?.Name ?? "",
        user.IsInRole(NewsroomRoles.Editor) || user.IsInRole(NewsroomRoles.Admin),
        user.IsInRole(NewsroomRoles.Admin));

    /// <summary>Editors and admins edit anything; writers only their own articles that are not out yet.</summary>
    public bool MayEdit(Article article) =>
        CanPublish || (article.CreatedById == UserId && article.Status is ArticleStatus.Draft or ArticleStatus.InReview or ArticleStatus.Unpublished);
}
