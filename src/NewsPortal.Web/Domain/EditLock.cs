namespace NewsPortal.Web.Domain;

/// <summary>
/// A soft lock on an article being edited: who holds it, since when, and when their editor last showed
/// signs of life. It warns rather than forbids: a colleague may open the article read-only or take it over
/// (audited); the person taken over from is told at their next save or heartbeat, and the text they then
/// save is kept as a revision instead of being lost. Optimistic concurrency stays the last line of defence.
/// </summary>
public class EditLock
{
    /// <summary>How long a lock lives after the last heartbeat of a form whose script sends them.</summary>
    public static readonly TimeSpan HeartbeatExpiry = TimeSpan.FromSeconds(90);

    /// <summary>How long a lock lives after the form was opened or saved when no heartbeat ever came (no script).</summary>
    public static readonly TimeSpan WithoutHeartbeatExpiry = TimeSpan.FromMinutes(20);

    private EditLock()
    {
    }

    public EditLock(int articleId, string holderId, string holderName, DateTime now)
    {
        ArticleId = articleId;
        Claim(holderId, holderName, now);
    }

    public int ArticleId { get; private set; }

    public string HolderId { get; private set; } = "";

    public string HolderName { get; private set; } = "";

    /// <summary>When the holder opened the article.</summary>
    public DateTime Since { get; private set; }

    /// <summary>The last open, save or heartbeat of the holder.</summary>
    public DateTime LastSeenAt { get; private set; }

    /// <summary>True once the holder's form sent a heartbeat: the lock then expires soon after they stop.</summary>
    public bool HasHeartbeat { get; private set; }

    /// <summary>Whoever was taken over from, until they are told.</summary>
    public string? DisplacedId { get; private set; }

    public string? DisplacedName { get; private set; }

    public DateTime? TakenOverAt { get; private set; }

    public DateTime ExpiresAt => LastSeenAt + (HasHeartbeat ? HeartbeatExpiry : WithoutHeartbeatExpiry);

    public bool IsActiveAt(DateTime now) => ExpiresAt > now;

    public bool IsHeldBy(string userId) => HolderId == userId;

    /// <summary>Takes a free (or expired, or own) lock.</summary>
    public void Claim(string holderId, string holderName, DateTime now)
    {
        if (HolderId != holderId)
        {
            Since = now;
            HasHeartbeat = false;
        }

        HolderId = holderId;
        HolderName = holderName;
        LastSeenAt = now;
        if (DisplacedId == holderId)
        {
            ClearDisplaced();
        }
    }

    /// <summary>Takes the lock from its active holder, who is remembered until told.</summary>
    public void TakeOver(string holderId, string holderName, DateTime now)
    {
        if (HolderId == holderId)
        {
            Seen(now, heartbeat: false);
            return;
        }

        DisplacedId = HolderId;
        DisplacedName = HolderName;
        TakenOverAt = now;
        HolderId = holderId;
        HolderName = holderName;
        Since = now;
        LastSeenAt = now;
        HasHeartbeat = false;
    }

    /// <summary>The holder is still there: a save, or a heartbeat of their form.</summary>
    public void Seen(DateTime now, bool heartbeat)
    {
        LastSeenAt = now;
        HasHeartbeat |= heartbeat;
    }

    /// <summary>
    /// The holder stopped editing while someone they displaced is still to be told: the lock ends now, and the row stays
    /// only to remember whom to tell.
    /// </summary>
    public void Expire(DateTime now)
    {
        HasHeartbeat = true;
        LastSeenAt = now - HeartbeatExpiry;
    }

    /// <summary>The displaced person has been told.</summary>
    public void ClearDisplaced()
    {
        DisplacedId = null;
        DisplacedName = null;
        TakenOverAt = null;
    }
}
