using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Accounts;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>The audit log, newest first, for admins. It can be read, never edited.</summary>
[Route("editor/audit")]
[Authorize(Policy = EditorPolicies.Administration)]
public sealed class AuditController(GetAuditLog log) : EditorController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await log.ExecuteAsync(cancellationToken));
}
