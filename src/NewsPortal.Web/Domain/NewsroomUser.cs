using Microsoft.AspNetCore.Identity;

namespace NewsPortal.Web.Domain;

/// <summary>The newsroom's roles. Writers draft and submit; editors publish; admins also manage people and structure.</summary>
public static class NewsroomRoles
{
    public const string Writer = "Writer";
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Writer, Editor, Admin];
}

/// <summary>A person who signs in to the editor area. There is no public registration: admins create accounts.</summary>
public class NewsroomUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled account cannot sign in, and an existing session ends on its next request.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// The language of the editor area's interface for this person (a culture name such as <c>fa</c>), whatever
    /// edition they write for; null for the site's default culture.
    /// </summary>
    public string? InterfaceCulture { get; set; }
}
