using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NewsPortal.Web.Features;
using NewsPortal.Web.Features.Editing;
using NewsPortal.Web.Features.Accounts;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>
/// Base of the editor area: every action needs a newsroom role unless it says more (Publishing,
/// Administration). State changes are POSTs, and the global filter validates their antiforgery token.
/// Use cases answer with <see cref="Notice"/>s; the actions word them here, in the person's interface language.
/// </summary>
[Area("Editor")]
[Authorize(Policy = EditorPolicies.Newsroom)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class EditorController : Controller
{
    public const string MessageKey = "Message";

    public const string ProblemsKey = "Problems";

    protected EditorIdentity Who => EditorIdentity.From(User);

    /// <summary>The editor area's text in the current interface language.</summary>
    protected IStringLocalizer<EditorResource> Text => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<EditorResource>>();

    protected string Word(Notice notice) => Text.Word(notice);

    protected IReadOnlyList<string> Word(IEnumerable<Notice> notices) => Text.Word(notices);

    /// <summary>Shows <paramref name="notice"/> on the page the action redirects to.</summary>
    protected void Tell(Notice notice) => TempData[MessageKey] = Word(notice);

    /// <summary>Lists <paramref name="problems"/> on the page the action redirects to.</summary>
    protected void Warn(IEnumerable<Notice> problems) => TempData[ProblemsKey] = Word(problems).ToArray();
}
