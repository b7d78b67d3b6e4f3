using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Audit;

/// <summary>The newest entries of the audit log, newest first, for admins to read.</summary>
public sealed class GetAuditLog(NewsPortalDbContext db)
{
    public const int Entries = 300;

    public Task<List<AuditEntry>> ExecuteAsync(CancellationToken cancellationToken) =>
        db.AuditLog.AsNoTracking().OrderByDescending(a => a.Id).Take(Entries).ToListAsync(cancellationToken);
}
