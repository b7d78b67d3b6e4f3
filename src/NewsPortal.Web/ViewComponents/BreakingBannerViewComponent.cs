using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Editions;

namespace NewsPortal.Web.ViewComponents;

/// <summary>The edition's breaking story, on top of every page until its flag expires.</summary>
public sealed class BreakingBannerViewComponent(GetBreakingStory breaking, CurrentEdition current) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var edition = current.Edition;
        var story = await breaking.ExecuteAsync(edition.Id, HttpContext.RequestAborted);
        return story is null ? Content(string.Empty) : View((edition, story));
    }
}
