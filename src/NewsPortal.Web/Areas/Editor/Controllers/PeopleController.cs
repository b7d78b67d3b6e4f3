using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features;
using NewsPortal.Web.Features.Accounts;
using NewsPortal.Web.Features.Editing;
using NewsPortal.Web.Features.People;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>
/// Editors and admins keep the newsroom's people: who is credited on stories, with their names and bios per edition,
/// pen names, and the accounts they sign in with (<see cref="Features.People"/>).
/// </summary>
[Route("editor/people")]
[Authorize(Policy = EditorPolicies.Publishing)]
public sealed class PeopleController(GetPeople people, SavePerson save, Features.Editions.EditionCatalog editions) : EditorController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await people.ListAsync(cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("Form", await people.PageAsync(null, GetPeople.NewForm(editions), [], cancellationToken));

    [HttpPost("new")]
    [RequestSizeLimit(ArticleFormLimits.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ArticleFormLimits.MaxRequestBytes)]
    public Task<IActionResult> Create(PersonForm form, IFormFile? photo, CancellationToken cancellationToken) => SaveAsync(null, form, photo, cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit([FromRoute] int id, CancellationToken cancellationToken) =>
        await people.FormAsync(id, cancellationToken) is { } form ? View("Form", await people.PageAsync(id, form, [], cancellationToken)) : NotFound();

    [HttpPost("{id:int}")]
    [RequestSizeLimit(ArticleFormLimits.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ArticleFormLimits.MaxRequestBytes)]
    public Task<IActionResult> Update([FromRoute] int id, PersonForm form, IFormFile? photo, CancellationToken cancellationToken) => SaveAsync(id, form, photo, cancellationToken);

    /// <summary>Saves and goes back to the list; or shows the form again with everything typed and why not (400, 409, 413).</summary>
    private async Task<IActionResult> SaveAsync(int? id, PersonForm form, IFormFile? photo, CancellationToken cancellationToken)
    {
        var problems = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();
        if (problems.Count == 0)
        {
            var result = await save.ExecuteAsync(id, form, photo, Who.UserName, cancellationToken);
            switch (result.Outcome)
            {
                case PersonSaveOutcome.Saved:
                    Tell(new Notice("People.Done.Saved", form.LatinName));
                    return RedirectToAction(nameof(Index));
                case PersonSaveOutcome.NotFound:
                    return NotFound();
            }

            Response.StatusCode = result.Outcome switch
            {
                PersonSaveOutcome.Conflict => StatusCodes.Status409Conflict,
                PersonSaveOutcome.TooLarge => StatusCodes.Status413PayloadTooLarge,
                _ => StatusCodes.Status400BadRequest,
            };
            problems = [.. Word(result.Problems)];
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        HttpContext.RequestServices.GetRequiredService<ILogger<PeopleController>>()
            .LogInformation("Refused a change to person {Id}: {Problems}", id, string.Join("; ", problems));
        return View("Form", await people.PageAsync(id, form, problems, cancellationToken));
    }
}
