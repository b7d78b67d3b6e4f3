using System.Text.RegularExpressions;

namespace NewsPortal.Web.Features.Articles;

/// <summary>
/// Names readers may see. Newsroom accounts sign in with their e-mail address, and bylines once defaulted to it; an
/// address must never reach a page, a feed or structured data. Bylines now come from people, whose names the people
/// desk checks with <see cref="ContainsEmailAddress"/> (<see cref="People.SavePerson"/>); the migration that turned
/// typed bylines into people left address-shaped ones out. <see cref="ForReaders"/> applies the same rule to a
/// single stored name.
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
