namespace NewsPortal.Web.Areas.Editor.Models;

/// <summary>
/// The page that answers a save which arrived after the session ended: a sign-in form that posts to
/// <paramref name="ResumeAction"/> and carries every posted article field back as hidden inputs.
/// </summary>
/// <param name="ResumeAction">Where the sign-in form posts: the article's own <c>…/resume</c> address.</param>
/// <param name="Fields">The posted fields as name–value pairs, in the order they came; never a file, the antiforgery token or the sign-in fields.</param>
/// <param name="PictureDropped">A picture was uploaded with the save; it is not kept and must be chosen again.</param>
/// <param name="Email">The email address typed so far, shown again after a failed attempt.</param>
/// <param name="Problem">Why the last attempt failed, or null.</param>
public sealed record SessionEndedPage(
    string ResumeAction,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    bool PictureDropped,
    string? Email = null,
    string? Problem = null)
{
    /// <summary>The posted headline, shown so the editor sees at once that the text is there.</summary>
    public string? Headline => Fields.FirstOrDefault(f => f.Key == "Headline").Value;
}
