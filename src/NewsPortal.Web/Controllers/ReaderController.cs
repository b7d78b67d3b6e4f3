using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Features.Editions;
using NewsPortal.Web.Features.ReaderCache;
using NewsPortal.Web.Settings;
using NewsPortal.Web.Features.Site;

namespace NewsPortal.Web.Controllers;

/// <summary>
/// Base of the reader pages under <c>/{edition}/…</c>: an unknown edition answers 404 before the
/// action runs, and paging parameters are checked in one place. Error statuses carry no body, so the
/// status-code page renders them in the reader's language. Responses are cached for every reader
/// (<see cref="ReaderPagePolicy"/>) and tagged with their edition, whose navigation and banner they show.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[OutputCache(PolicyName = ReaderPagePolicy.Name)]
public abstract class ReaderController : Controller
{
    private EditionView? _edition;

    protected EditionView Edition => _edition ?? throw new InvalidOperationException("The edition is resolved before the action runs.");

    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        _edition = HttpContext.GetRequestEdition().Edition;
        if (_edition is null)
        {
            context.Result = NotFound();
            return;
        }

        HttpContext.TagResponse(ReaderCacheTags.Edition(_edition.Id));
        await ReaderPagePolicy.LimitLifetimeAsync(HttpContext, _edition.Id, HttpContext.RequestAborted);
        if (!ModelState.IsValid)
        {
            context.Result = Refuse(BadRequestReason.Malformed, "malformed parameters: " + string.Join(", ", ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key)));
            return;
        }

        await next();
    }

    /// <summary>Null when <paramref name="page"/> is a page number readers can ask for; otherwise the 400 to return.</summary>
    protected IActionResult? CheckPage(int page)
    {
        var max = HttpContext.RequestServices.GetRequiredService<IOptionsSnapshot<SiteOptions>>().Value.MaxPage;
        return page < 1 || page > max ? Refuse(BadRequestReason.PageOutOfRange, $"page {page} outside 1..{max}") : null;
    }

    protected IActionResult Refuse(BadRequestReason reason, string detail)
    {
        HttpContext.RequestServices.GetRequiredService<ILogger<ReaderController>>()
            .LogInformation("Refused {Path}{Query}: {Detail}", Request.Path, Request.QueryString, detail);
        HttpContext.Items[BadRequestReasonKeys.ItemKey] = reason;
        return BadRequest();
    }
}
