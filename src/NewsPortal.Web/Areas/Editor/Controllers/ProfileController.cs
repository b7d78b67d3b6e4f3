using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features;
using NewsPortal.Web.Features.Accounts;
using NewsPortal.Web.Localization;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>The person's own settings: the language of the editor area's interface.</summary>
[Route("editor/profile")]
public sealed class ProfileController(InterfaceLanguages languages, ILogger<ProfileController> logger) : EditorController
{
    [HttpGet("")]
    public IActionResult Index() => View(languages);

    [HttpPost("language")]
    public async Task<IActionResult> Language(string? culture, [FromServices] ChooseInterfaceLanguage choose, CancellationToken cancellationToken)
    {
        switch (await choose.ExecuteAsync(User, culture, cancellationToken))
        {
            case LanguageChoice.SignedOut:
                return Challenge();
            case LanguageChoice.NotOffered:
                logger.LogInformation("Refused an interface language that is not offered: {Culture}", culture);
                ModelState.AddModelError(string.Empty, Word(new Notice("Profile.Problem.LanguageNotOffered")));
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View(nameof(Index), languages);
            default:
                return RedirectToAction(nameof(Index));
        }
    }
}
