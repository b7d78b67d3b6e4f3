using System.Text.RegularExpressions;

namespace NewsPortal.Web.Features.Articles;

/// <summary>
/// A byline as readers may see it. Newsroom accounts sign in with their e-mail address, and a byline
/// once defaulted to it; an address must never reach a page, a feed or structured data. Stories saved
/// before the save rule (<see cref="Editing.BylineRule"/>) may still hold one, so every reader-facing
/// query passes the stored byline through <see cref="ForReaders"/>.
/// </summary>
public static partial class PublicByline
{
    /// <summary>True when the text holds anything shaped like an e-mail address: characters on both sides of an <c>@</c>.</summary>
    public static bool ContainsEmailAddress(string? text) => text is not null && EmailShaped().IsMatch(text);

    /// <summary>The byline to show, or an empty string (show none, or the publisher) when it holds an e-mail address.</summary>
    public static string ForReaders(string? author) => string.IsNullOrWhiteSpace(author) || ContainsEmailAddress(author) ? "" : author;

    [GeneratedRegex(@"[^\s@]@[^\s@]", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShaped();
}
