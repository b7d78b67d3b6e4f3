namespace NewsPortal.Web.Domain;

/// <summary>
/// One line of the append-only audit log: who did what to what, when, from where.
/// Nothing in the application updates or deletes these rows.
/// </summary>
public class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(DateTime at, string action, string? actor, string? target, string? detail, string? address)
    {
        At = at;
        Action = action;
        Actor = actor;
        Target = target;
        Detail = detail;
        Address = address;
    }

    public long Id { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>What happened, one of <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>The user name of whoever acted (or tried to).</summary>
    public string? Actor { get; private set; }

    public string? Target { get; private set; }

    public string? Detail { get; private set; }

    public string? Address { get; private set; }
}

public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignOut = "sign-out";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string UserCreated = "user-created";
    public const string UserDisabled = "user-disabled";
    public const string UserEnabled = "user-enabled";
    public const string RoleChanged = "role-changed";
    public const string Published = "published";
    public const string Scheduled = "scheduled";
    public const string Unpublished = "unpublished";
    public const string Deleted = "deleted";
    public const string Corrected = "corrected";
    public const string UpdatedLive = "updated-live";
    public const string DiscardedPending = "discarded-pending";
    public const string Restored = "restored";
    public const string Created = "created";
    public const string Saved = "saved";
    public const string Submitted = "submitted";
    public const string EditionAdded = "edition-added";
    public const string EditionUpdated = "edition-updated";
    public const string SectionAdded = "section-added";
    public const string SectionRenamed = "section-renamed";
    public const string SectionRemoved = "section-removed";
    public const string SourceAdded = "source-added";
    public const string SourceUpdated = "source-updated";
    public const string PersonAdded = "person-added";
    public const string PersonUpdated = "person-updated";
    public const string InterfaceLanguageChosen = "interface-language-chosen";
    public const string CoverageOpened = "coverage-opened";
    public const string CoverageEnded = "coverage-ended";
    public const string LiveUpdatePosted = "live-update-posted";
    public const string LiveUpdateCorrected = "live-update-corrected";
    public const string LiveUpdatePinned = "live-update-pinned";
    public const string LiveUpdateUnpinned = "live-update-unpinned";
    public const string LiveUpdateRemoved = "live-update-removed";

    /// <summary>Someone took over editing an article from the colleague who held its lock.</summary>
    public const string EditTakenOver = "edit-taken-over";

    /// <summary>A save by someone whose editing had been taken over: kept as a set-aside revision, not applied.</summary>
    public const string EditSetAside = "edit-set-aside";
}
