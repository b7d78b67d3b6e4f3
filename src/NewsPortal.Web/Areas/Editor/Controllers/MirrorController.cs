using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Areas.Editor.Models;
using NewsPortal.Web.Features;
using NewsPortal.Web.Features.Accounts;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Editions;
using NewsPortal.Web.Features.Mirror;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>
/// Admins build the static mirror the site keeps (<c>Mirror:Folder</c>) and make the zip of one edition, and follow
/// the job's progress; saves update the kept copy by themselves.
/// </summary>
[Route("editor/mirror")]
[Authorize(Policy = EditorPolicies.Administration)]
public sealed class MirrorController(MirrorJobs jobs, EditionCatalog editions, ILogger<MirrorController> logger) : EditorController
{
    [HttpGet("")]
    public IActionResult Index() => View(Page());

    /// <summary>How far the running job is, for the page's progress bar (which works without it: the page shows the same).</summary>
    [HttpGet("status")]
    public IActionResult Status()
    {
        var status = jobs.Status;
        return Json(new { running = status.Running, done = status.Done, total = status.Total, count = Text["Mirror.Count", status.Done, status.Total].Value });
    }

    [HttpPost("build")]
    public async Task<IActionResult> Build([FromServices] AuditTrail audit, CancellationToken cancellationToken)
    {
        if (jobs.Folder is null)
        {
            logger.LogInformation("A mirror build was asked for, but Mirror:Folder is not set");
            return Refused("Mirror.NoFolder", StatusCodes.Status409Conflict);
        }

        if (!jobs.TryStartBuild(Who.UserName))
        {
            return Refused("Mirror.Busy", StatusCodes.Status409Conflict);
        }

        await audit.RecordAsync("mirror-build-started", Who.UserName, jobs.Folder, cancellationToken: cancellationToken);
        Tell(new Notice("Mirror.Started"));
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("zip")]
    public async Task<IActionResult> Zip(string? edition, [FromServices] AuditTrail audit, CancellationToken cancellationToken)
    {
        if (editions.Find(edition) is not { } chosen)
        {
            logger.LogInformation("A mirror zip was asked for an unknown edition {Edition}", edition);
            return Refused("Mirror.UnknownEdition", StatusCodes.Status400BadRequest);
        }

        if (!jobs.TryStartZip(chosen.Code, Who.UserName))
        {
            return Refused("Mirror.Busy", StatusCodes.Status409Conflict);
        }

        await audit.RecordAsync("mirror-zip-started", Who.UserName, chosen.Code, cancellationToken: cancellationToken);
        Tell(new Notice("Mirror.ZipStarted"));
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("zip/{edition}")]
    public IActionResult Download([FromRoute] string edition)
    {
        if (editions.Find(edition) is not { } chosen || !System.IO.File.Exists(jobs.ZipPath(chosen.Code)))
        {
            return NotFound();
        }

        return PhysicalFile(jobs.ZipPath(chosen.Code), "application/zip", $"mirror-{chosen.Code}.zip");
    }

    /// <summary>The page again, with why the request was refused and its status.</summary>
    private ViewResult Refused(string notice, int status)
    {
        Warn([new Notice(notice)]);
        Response.StatusCode = status;
        return View(nameof(Index), Page());
    }

    private MirrorPage Page() => new(
        jobs.Folder,
        jobs.Status,
        editions.All,
        editions.All.Select(e => new FileInfo(jobs.ZipPath(e.Code))).Where(f => f.Exists)
            .Select(f => new MirrorZip(Path.GetFileNameWithoutExtension(f.Name)["mirror-".Length..], f.Length, f.LastWriteTimeUtc)).ToList());
}
