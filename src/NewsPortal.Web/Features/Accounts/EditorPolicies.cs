namespace NewsPortal.Web.Features.Accounts;

/// <summary>Authorization policies of the editor area, by role.</summary>
public static class EditorPolicies
{
    /// <summary>Any newsroom member: writers, editors, admins.</summary>
    public const string Newsroom = "Newsroom";

    /// <summary>Publishing, scheduling, unpublishing, editing anyone's work: editors and admins.</summary>
    public const string Publishing = "Publishing";

    /// <summary>People, editions, sources, sections and the audit log: admins.</summary>
    public const string Administration = "Administration";
}
