using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Audit;

/// <summary>Appends to the audit log. There is deliberately no way to change or remove an entry.</summary>
public sealed class AuditTrail(NewsPortalDbContext db, IHttpContextAccessor http, TimeProvider time, ILogger<AuditTrail> logger)
{
    public async Task RecordAsync(string action, string? actor, string? target, string? detail = null, CancellationToken cancellationToken = default)
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        db.AuditLog.Add(new AuditEntry(time.GetUtcNow().UtcDateTime, action, actor, Truncate(target, 400), Truncate(detail, 1000), address));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Audit {Action} by {Actor} on {Target} from {Address}", action, actor, target, address);
    }

    private static string? Truncate(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}
