using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Hosting;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>The audit log, newest first, for admins. It can be read, never edited.</summary>
[Route("editor/audit")]
[Authorize(Policy = EditorPolicies.Administration)]
public sealed class AuditController(NewsPortalDbContext db) : EditorController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.AuditLog.AsNoTracking().OrderByDescending(a => a.Id).Take(300).ToListAsync(cancellationToken));
}
