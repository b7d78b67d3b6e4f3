using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>The editor's start page (<see cref="GetDashboard"/>).</summary>
[Route("editor")]
public sealed class DashboardController(GetDashboard dashboard) : EditorController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? edition, string? q, int mine = 1, int review = 1, int pending = 1, int scheduled = 1, int published = 1, int? tag = null, int? person = null, CancellationToken cancellationToken = default)
    {
        // A page number that is not a number never reaches the use case.
        if (!ModelState.IsValid)
        {
            // A tag or person that is not an id is a bad filter; anything else a bad page number.
            return BadRequest(Word(ModelState[nameof(tag)]?.Errors.Count > 0 || ModelState[nameof(person)]?.Errors.Count > 0 ? GetDashboard.FilterProblem : dashboard.PageNumberProblem));
        }

        var result = await dashboard.ExecuteAsync(new DashboardQuery(edition, q, mine, review, pending, scheduled, published) { Tag = tag, Person = person }, Who, cancellationToken);
        if (result.Model is not { } model)
        {
            return BadRequest(Word(result.Problem!));
        }

        return View(model);
    }
}
