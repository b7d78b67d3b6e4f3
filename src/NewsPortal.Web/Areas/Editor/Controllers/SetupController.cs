using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editions;
using NewsPortal.Web.Hosting;
using NewsPortal.Web.Localization;

namespace NewsPortal.Web.Areas.Editor.Controllers;

public sealed class NewEditionForm
{
    [Required(ErrorMessage = "Enter the language code.")]
    [StringLength(15)]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Enter the native name.")]
    [StringLength(100)]
    public string NativeName { get; set; } = "";

    [Required(ErrorMessage = "Enter the English name.")]
    [StringLength(100)]
    public string EnglishName { get; set; } = "";

    public TextDirection Direction { get; set; }

    public SlugPolicy SlugPolicy { get; set; }

    [Required(ErrorMessage = "List the countries (ISO codes such as GB, IR).")]
    [StringLength(200)]
    public string Countries { get; set; } = "";
}

public sealed class NewSectionForm
{
    [Required]
    public string Edition { get; set; } = "";

    [Required(ErrorMessage = "Enter the section's name.")]
    [StringLength(100)]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter the section's slug.")]
    [StringLength(Slugs.MaxLength)]
    public string Slug { get; set; } = "";
}

public sealed class NewSourceForm
{
    [Required(ErrorMessage = "Enter a short code such as ap.")]
    [StringLength(40)]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Enter the short name.")]
    [StringLength(60)]
    public string ShortName { get; set; } = "";

    [Required(ErrorMessage = "Enter the full name.")]
    [StringLength(200)]
    public string FullName { get; set; } = "";

    public SourceKind Kind { get; set; }

    [Url(ErrorMessage = "Enter a full https:// address.")]
    [StringLength(400)]
    public string? Url { get; set; }
}

public sealed record SetupPage(
    IReadOnlyList<EditionView> Editions,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> SupportedCultures);

/// <summary>Admins add editions, sections and sources. Editions can only use a culture whose interface text exists.</summary>
[Route("editor/setup")]
[Authorize(Policy = EditorPolicies.Administration)]
public sealed class SetupController(NewsPortalDbContext db, EditionCatalog editions, IOptions<EditionLocalizationOptions> localization) : EditorController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await PageAsync([], cancellationToken));

    [HttpPost("editions")]
    public async Task<IActionResult> AddEdition(NewEditionForm form, CancellationToken cancellationToken)
    {
        var problems = Problems();
        var code = form.Code.Trim().ToLowerInvariant();
        if (!localization.Value.SupportedCultures.Contains(code, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"“{code}” has no interface translation: add Localization/Resources/SharedResource.{code}.resx and list it in Localization:SupportedCultures first.");
        }
        else if (await db.Editions.AnyAsync(e => e.Code == code, cancellationToken))
        {
            problems.Add($"The edition “{code}” exists already.");
        }

        if (problems.Count == 0)
        {
            try
            {
                db.Editions.Add(new Edition(code, form.NativeName, form.EnglishName, form.Direction, form.Countries.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries), form.SlugPolicy) { SortOrder = editions.All.Count });
                await db.SaveChangesAsync(cancellationToken);
                return await DoneAsync($"Added the {form.EnglishName} edition. Give it sections next.", cancellationToken);
            }
            catch (ArgumentException ex)
            {
                problems.Add(ex.Message);
            }
        }

        return await RefuseAsync(problems, cancellationToken);
    }

    [HttpPost("sections")]
    public async Task<IActionResult> AddSection(NewSectionForm form, CancellationToken cancellationToken)
    {
        var problems = Problems();
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Code == form.Edition, cancellationToken);
        if (edition is null)
        {
            problems.Add("Choose an edition.");
        }
        else if (!Slugs.IsValid(form.Slug))
        {
            problems.Add("A slug is lower-case words joined by single hyphens.");
        }
        else if (await db.Sections.AnyAsync(s => s.EditionId == edition.Id && s.Slug == form.Slug, cancellationToken))
        {
            problems.Add($"The edition already has a section “{form.Slug}”.");
        }

        if (problems.Count > 0 || edition is null)
        {
            return await RefuseAsync(problems, cancellationToken);
        }

        var order = await db.Sections.CountAsync(s => s.EditionId == edition.Id, cancellationToken);
        db.Sections.Add(new Section(edition, form.Name, form.Slug, order));
        await db.SaveChangesAsync(cancellationToken);
        return await DoneAsync($"Added the section “{form.Name}”.", cancellationToken);
    }

    [HttpPost("sources")]
    public async Task<IActionResult> AddSource(NewSourceForm form, CancellationToken cancellationToken)
    {
        var problems = Problems();
        var code = form.Code.Trim().ToLowerInvariant();
        if (!Slugs.IsValid(code))
        {
            problems.Add("A source code is lower-case letters and digits, such as ap or reuters.");
        }
        else if (await db.Sources.AnyAsync(s => s.Code == code, cancellationToken))
        {
            problems.Add($"The source “{code}” exists already.");
        }

        if (problems.Count == 0)
        {
            try
            {
                db.Sources.Add(new Source(code, form.ShortName, form.FullName, form.Kind, string.IsNullOrWhiteSpace(form.Url) ? null : new Uri(form.Url)));
                await db.SaveChangesAsync(cancellationToken);
                return await DoneAsync($"Added the source {form.ShortName}.", cancellationToken);
            }
            catch (ArgumentException ex)
            {
                problems.Add(ex.Message);
            }
        }

        return await RefuseAsync(problems, cancellationToken);
    }

    [HttpPost("editions/{code}")]
    public async Task<IActionResult> UpdateEdition([FromRoute] string code, NewEditionForm form, bool makeDefault, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Code == code, cancellationToken);
        if (edition is null)
        {
            return NotFound();
        }

        ModelState.Remove(nameof(NewEditionForm.Code));
        var problems = Problems();
        if (problems.Count == 0)
        {
            try
            {
                edition.Rename(form.NativeName, form.EnglishName);
                edition.SetCountries(form.Countries.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries));
                if (makeDefault && !edition.IsDefault)
                {
                    await db.Editions.Where(e => e.IsDefault).ForEachAsync(e => e.ClearDefault(), cancellationToken);
                    edition.MakeDefault();
                }

                await db.SaveChangesAsync(cancellationToken);
                return await DoneAsync($"Updated the {edition.EnglishName} edition.", cancellationToken);
            }
            catch (ArgumentException ex)
            {
                problems.Add(ex.Message);
            }
        }

        return await RefuseAsync(problems, cancellationToken);
    }

    [HttpPost("sections/{id:int}/rename")]
    public async Task<IActionResult> RenameSection([FromRoute] int id, string? name, CancellationToken cancellationToken)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (section is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            return await RefuseAsync(["A section's name has 1 to 100 characters."], cancellationToken);
        }

        section.Rename(name);
        await db.SaveChangesAsync(cancellationToken);
        return await DoneAsync($"Renamed the section to “{section.Name}”.", cancellationToken);
    }

    [HttpPost("sections/{id:int}/remove")]
    public async Task<IActionResult> RemoveSection([FromRoute] int id, CancellationToken cancellationToken)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (section is null)
        {
            return NotFound();
        }

        var articles = await db.Articles.CountAsync(a => a.SectionId == id, cancellationToken);
        if (articles > 0)
        {
            return await RefuseAsync([$"The section “{section.Name}” still holds {articles} article(s): move them to another section first."], cancellationToken);
        }

        db.Sections.Remove(section);
        await db.SaveChangesAsync(cancellationToken);
        return await DoneAsync($"Removed the section “{section.Name}”.", cancellationToken);
    }

    [HttpPost("sources/{code}")]
    public async Task<IActionResult> UpdateSource([FromRoute] string code, NewSourceForm form, CancellationToken cancellationToken)
    {
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Code == code, cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        ModelState.Remove(nameof(NewSourceForm.Code));
        var problems = Problems();
        if (problems.Count == 0)
        {
            try
            {
                source.Update(form.ShortName, form.FullName, form.Kind, string.IsNullOrWhiteSpace(form.Url) ? null : new Uri(form.Url));
                await db.SaveChangesAsync(cancellationToken);
                return await DoneAsync($"Updated the source {source.ShortName}.", cancellationToken);
            }
            catch (ArgumentException ex)
            {
                problems.Add(ex.Message);
            }
        }

        return await RefuseAsync(problems, cancellationToken);
    }

    private List<string> Problems() => ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();

    private async Task<IActionResult> DoneAsync(string message, CancellationToken cancellationToken)
    {
        await editions.ReloadAsync(db, cancellationToken);
        TempData["Message"] = message;
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> RefuseAsync(IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await PageAsync(problems, cancellationToken));
    }

    private async Task<SetupPage> PageAsync(IReadOnlyList<string> problems, CancellationToken cancellationToken) => new(
        editions.All,
        await db.Sources.AsNoTracking().OrderBy(s => s.Code).ToListAsync(cancellationToken),
        problems,
        localization.Value.SupportedCultures);
}
