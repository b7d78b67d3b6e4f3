using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Newsroom;
using NewsPortal.Web.Features.Accounts;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>Admins add editions, sections and sources (<see cref="Features.Newsroom"/>). Editions can only use a culture whose interface text exists.</summary>
[Route("editor/setup")]
[Authorize(Policy = EditorPolicies.Administration)]
public sealed class SetupController(GetSetupPage page) : EditorController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await page.ExecuteAsync([], cancellationToken));

    [HttpPost("editions")]
    public Task<IActionResult> AddEdition(NewEditionForm form, [FromServices] AddEdition add, CancellationToken cancellationToken) =>
        ChangeAsync(() => add.ExecuteAsync(form, Who.UserName, cancellationToken), cancellationToken);

    [HttpPost("editions/{code}")]
    public Task<IActionResult> UpdateEdition([FromRoute] string code, NewEditionForm form, bool makeDefault, [FromServices] UpdateEdition update, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(NewEditionForm.Code));
        return ChangeAsync(() => update.ExecuteAsync(code, form, makeDefault, Who.UserName, cancellationToken), cancellationToken);
    }

    [HttpPost("sections")]
    public Task<IActionResult> AddSection(NewSectionForm form, [FromServices] AddSection add, CancellationToken cancellationToken) =>
        ChangeAsync(() => add.ExecuteAsync(form, Who.UserName, cancellationToken), cancellationToken);

    [HttpPost("sections/{id:int}/rename")]
    public Task<IActionResult> RenameSection([FromRoute] int id, string? name, [FromServices] RenameSection rename, CancellationToken cancellationToken) =>
        ChangeAsync(() => rename.ExecuteAsync(id, name, Who.UserName, cancellationToken), cancellationToken);

    [HttpPost("sections/{id:int}/remove")]
    public Task<IActionResult> RemoveSection([FromRoute] int id, [FromServices] RemoveSection remove, CancellationToken cancellationToken) =>
        ChangeAsync(() => remove.ExecuteAsync(id, Who.UserName, cancellationToken), cancellationToken);

    [HttpPost("sources")]
    public Task<IActionResult> AddSource(NewSourceForm form, [FromServices] AddSource add, CancellationToken cancellationToken) =>
        ChangeAsync(() => add.ExecuteAsync(form, Who.UserName, cancellationToken), cancellationToken);

    [HttpPost("sources/{code}")]
    public Task<IActionResult> UpdateSource([FromRoute] string code, NewSourceForm form, [FromServices] UpdateSource update, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(NewSourceForm.Code));
        return ChangeAsync(() => update.ExecuteAsync(code, form, Who.UserName, cancellationToken), cancellationToken);
    }

    /// <summary>Runs the change when the form is valid; back to the page with what was done, or the page again (400) with why not.</summary>
    private async Task<IActionResult> ChangeAsync(Func<Task<NewsroomChange>> change, CancellationToken cancellationToken)
    {
        var problems = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();
        if (problems.Count == 0)
        {
            var result = await change();
            if (!result.Found)
            {
                return NotFound();
            }

            if (result.Done is { } done)
            {
                Tell(done);
                return RedirectToAction(nameof(Index));
            }

            problems.AddRange(Word(result.Problems));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), await page.ExecuteAsync(problems, cancellationToken));
    }
}
