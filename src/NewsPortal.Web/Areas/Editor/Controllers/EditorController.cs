using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Editing;
using NewsPortal.Web.Hosting;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>
/// Base of the editor area: every action needs a newsroom role unless it says more (Publishing,
/// Administration). State changes are POSTs, and the global filter validates their antiforgery token.
/// </summary>
[Area("Editor")]
[Authorize(Policy = EditorPolicies.Newsroom)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class EditorController : Controller
{
    protected EditorIdentity Who => EditorIdentity.From(User);
}
