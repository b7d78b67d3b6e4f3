using System.Text;
using System.Text.RegularExpressions;

namespace NewsPortal.UnitTests.Areas.Editor.Views;

/// <summary>
/// Finds interface text written into a Razor view instead of taken from a localizer: text between tags and the
/// attributes people read (aria-label, title, placeholder, alt, and the value of submit and button inputs).
/// Razor code, <c>@…</c> expressions and text made only of punctuation, symbols or digits are not text.
/// </summary>
internal static partial class RazorTextScanner
{
    private static readonly string[] Keywords = ["if", "for", "foreach", "while", "switch", "using", "lock"];

    public static IReadOnlyList<string> HardCodedText(string razor)
    {
        var markup = Declaration().Replace(WithoutRazor(razor), string.Empty);
        var found = new List<string>();
        var position = 0;
        foreach (Match tag in Tag().Matches(markup))
        {
            AddText(found, markup[position..tag.Index]);
            position = tag.Index + tag.Length;
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            foreach (Match attribute in Attribute().Matches(tag.Groups["attributes"].Value))
            {
                var attributeName = attribute.Groups["name"].Value.ToLowerInvariant();
                // A <button>'s value is what the form posts, never shown; a submit input's value is its label.
                var isReadValue = attributeName == "value" && name == "input"
                    && Regex.IsMatch(tag.Value, "type=\"(submit|button|reset)\"", RegexOptions.IgnoreCase);
                if (attributeName is "aria-label" or "title" or "placeholder" or "alt" || isReadValue)
                {
                    AddText(found, attribute.Groups["value"].Value);
                }
            }
        }

        AddText(found, markup[position..]);
        return found;
    }

    private static void AddText(List<string> found, string text)
    {
        foreach (var rawLine in text.Split('\n'))
        {
            var line = Entity().Replace(rawLine, " ").Trim();
            if (IsCode(line) || !line.Any(char.IsLetter))
            {
                continue;
            }

            found.Add(line);
        }
    }

    /// <summary>C# statements inside Razor blocks (between elements), which are not shown to anyone.</summary>
    private static bool IsCode(string line) =>
        line.EndsWith(';') || line.Contains("=>", StringComparison.Ordinal) || line.StartsWith("var ", StringComparison.Ordinal)
        || line.StartsWith("else", StringComparison.Ordinal) || line.StartsWith('{') || line.StartsWith('}');

    /// <summary>The view with Razor comments, directives, code blocks and expressions removed.</summary>
    internal static string WithoutRazor(string razor)
    {
        var text = Directive().Replace(razor, string.Empty);
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '@')
            {
                result.Append(text[i++]);
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '@')
            {
                result.Append('@');
                i += 2;
                continue;
            }

            i = SkipRazor(text, i + 1);
        }

        return result.ToString();
    }

    private static int SkipRazor(string text, int i)
    {
        if (i >= text.Length)
        {
            return i;
        }

        switch (text[i])
        {
            case '*':
                var end = text.IndexOf("*@", i, StringComparison.Ordinal);
                return end < 0 ? text.Length : end + 2;
            case '{':
                return SkipBalanced(text, i, '{', '}');
            case '(':
                return SkipBalanced(text, i, '(', ')');
        }

        var start = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        var word = text[start..i];
        if (word == "await")
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            return SkipRazor(text, i);
        }

        if (Keywords.Contains(word))
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            return i < text.Length && text[i] == '(' ? SkipBalanced(text, i, '(', ')') : i;
        }

        while (i < text.Length)
        {
            if (text[i] == '(')
            {
                i = SkipBalanced(text, i, '(', ')');
            }
            else if (text[i] == '[')
            {
                i = SkipBalanced(text, i, '[', ']');
            }
            else if (text[i] is '.' or '?' or '!' && i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] == '.'))
            {
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.'))
                {
                    if (text[i] == '.' && (i + 1 >= text.Length || !char.IsLetter(text[i + 1])))
                    {
                        break;
                    }

                    i++;
                }
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>Skips a bracketed Razor expression, minding C# strings and characters inside it.</summary>
    private static int SkipBalanced(string text, int i, char open, char close)
    {
        var depth = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' || c == '\'')
            {
                i++;
                while (i < text.Length && text[i] != c)
                {
                    i += text[i] == '\\' ? 2 : 1;
                }
            }
            else if (c == open)
            {
                depth++;
            }
            else if (c == close && --depth == 0)
            {
                return i + 1;
            }

            i++;
        }

        return i;
    }

    [GeneratedRegex(@"^\s*@(model|using|inject|addTagHelper|inherits|namespace|layout)\b.*$", RegexOptions.Multiline)]
    private static partial Regex Directive();

    [GeneratedRegex(@"<(?<close>/)?(?<name>[a-zA-Z][\w-]*)(?<attributes>[^>]*)>")]
    private static partial Regex Tag();

    [GeneratedRegex("(?<name>[a-zA-Z][\\w:-]*)\\s*=\\s*\"(?<value>[^\"]*)\"")]
    private static partial Regex Attribute();

    [GeneratedRegex("<![^>]*>")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"&#?\w+;")]
    private static partial Regex Entity();
}
