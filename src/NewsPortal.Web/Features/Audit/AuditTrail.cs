using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Audit;

/// <summary>Appends to the audit log. There is deliberately no way to change or remove an entry.</summary>
public sealed class AuditTrail(NewsPortalDbContext db, IHttpContextAccessor http, TimeProvider time, ILogger<AuditTrail> logger)
{
    /// <summary>
    /// Adds an entry to the change about to be saved, so that it commits with the change it records or not at
    /// all. Call <see cref="Committed"/> once the save went through.
    /// </summary>
    public AuditEntry Add(string action, string? actor, string? target, string? detail = null)
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var entry = new AuditEntry(time.GetUtcNow().UtcDateTime, action, actor, Truncate(target, 400), Truncate(detail, 1000), address);
        db.AuditLog.Add(entry);
        return entry;
    }

    /// <summary>Writes a committed entry to the application log as well.</summary>
    public void Committed(AuditEntry entry) =>
        logger.LogInformation("Audit {Action} by {Actor} on {Target} from {Address}", entry.Action, entry.Actor, entry.Target, entry.Address);

    /// <summary>Records an event that changes nothing else in the database (a sign-in, a sign-out) on its own.</summary>
    public async Task RecordAsync(string action, string? actor, string? target, string? detail = null, CancellationToken cancellationToken = default)
    {
        var entry = Add(action, actor, target, detail);
        await db.SaveChangesAsync(cancellationToken);
        Committed(entry);
    }

    private static string? Truncate(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}
