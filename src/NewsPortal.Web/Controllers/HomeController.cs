using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Editions;

namespace NewsPortal.Web.Controllers;

/// <summary><c>/</c> sends readers to the default edition's front page.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class HomeController(EditionCatalog editions) : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => editions.All.Count == 0
        ? NotFound()
        : RedirectToAction(nameof(FrontPageController.Index), "FrontPage", new { edition = editions.Default.Code });
}
