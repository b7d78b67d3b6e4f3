using System.Text.RegularExpressions;

namespace NewsPortal.UnitTests.Areas.Editor;

/// <summary>
/// Every word a person reads in the editor area comes from a localizer: a scan of the views' text between tags
/// and of the attributes people hear or read (<c>aria-label</c>, <c>title</c>, <c>placeholder</c>, <c>alt</c>, the
/// value of a submit input) finds no literal text.
/// </summary>
public partial class EditorViewTextTests
{
    /// <summary>Words that are the same in every language: the product's name.</summary>
    private static readonly HashSet<string> Untranslated = ["NewsPortal"];

    internal static string ViewsFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var views = Path.Combine(directory.FullName, "src", "NewsPortal.Web", "Areas", "Editor", "Views");
            if (Directory.Exists(views))
            {
                return views;
            }
        }

        throw new InvalidOperationException("The editor area's views were not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The literal text of one view, each with its line: what is left of text nodes and read-out attributes once Razor is taken out.</summary>
    internal static IEnumerable<(int Line, string Text)> LiteralText(string razor)
    {
        var source = RazorComment().Replace(razor, match => new string('\n', match.Value.Count(c => c == '\n')));
        source = RemoveCodeBlocks(source);
        var lines = source.Split('\n').Select(l => Directive().IsMatch(l) ? "" : l).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match attribute in ReadOutAttribute().Matches(lines[i]))
            {
                var value = attribute.Groups["value"].Value;
                if (!value.StartsWith('@') && HasWords(value))
                {
                    yield return (i + 1, $"{attribute.Groups["name"].Value}=\"{value}\"");
                }
            }

            foreach (Match text in TextAfterTag().Matches(lines[i]))
            {
                var left = WithoutRazor(text.Groups["text"].Value);
                if (HasWords(left))
                {
                    yield return (i + 1, left.Trim());
                }
            }
        }
    }

    private static bool HasWords(string text) =>
        Word().Matches(System.Net.WebUtility.HtmlDecode(text)).Any(w => !Untranslated.Contains(w.Value));

    /// <summary>Text with Razor expressions (<c>@T["…"]</c>, <c>@(…)</c>, <c>@if (…) {</c>) and braces taken out.</summary>
    private static string WithoutRazor(string text)
    {
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '@' && i + 1 < text.Length && (text[i + 1] == '(' || char.IsLetter(text[i + 1]) || text[i + 1] == '_'))
            {
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '?' or '!'))
                {
                    i++;
                }

                // Any run of (…) and […] groups, with spaces before a group (as in "@if (x)").
                while (true)
                {
                    var j = i;
                    while (j < text.Length && text[j] == ' ')
                    {
                        j++;
                    }

                    if (j >= text.Length || text[j] is not ('(' or '['))
                    {
                        break;
                    }

                    i = SkipGroup(text, j);
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '?' or '!'))
                    {
                        i++;
                    }
                }

                i--;
                continue;
            }

            if (text[i] is not ('{' or '}'))
            {
                result.Append(text[i]);
            }
        }

        return result.ToString().Replace("else", "", StringComparison.Ordinal);
    }

    private static int SkipGroup(string text, int start)
    {
        var depth = 0;
        var quoted = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"' && (i == 0 || text[i - 1] != '\\'))
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '(' or '[')
            {
                depth++;
            }
            else if (!quoted && c is ')' or ']' && --depth == 0)
            {
                return i + 1;
            }
        }

        return text.Length;
    }

    /// <summary>Replaces every <c>@{ … }</c> block (C# only) with as many empty lines.</summary>
    private static string RemoveCodeBlocks(string source)
    {
        int start;
        while ((start = source.IndexOf("@{", StringComparison.Ordinal)) >= 0)
        {
            var depth = 0;
            var end = start + 1;
            for (; end < source.Length; end++)
            {
                if (source[end] == '{')
                {
                    depth++;
                }
                else if (source[end] == '}' && --depth == 0)
                {
                    break;
                }
            }

            var block = source[start..Math.Min(end + 1, source.Length)];
            source = source[..start] + new string('\n', block.Count(c => c == '\n')) + source[Math.Min(end + 1, source.Length)..];
        }

        return source;
    }

    [Fact]
    public void NoViewOfTheEditorAreaHoldsLiteralText()
    {
        var found = Directory.EnumerateFiles(ViewsFolder(), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => LiteralText(File.ReadAllText(file)).Select(t => $"{Path.GetRelativePath(ViewsFolder(), file)}:{t.Line}: {t.Text}"))
            .ToList();

        Assert.True(found.Count == 0, "Text not taken from a localizer:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("<h1 class=\"page-title\">Dashboard</h1>", "Dashboard")]
    [InlineData("<p>@T[\"Dashboard.Title\"] or more</p>", "or more")]
    [InlineData("<nav aria-label=\"Editor sections\">", "aria-label=\"Editor sections\"")]
    [InlineData("<img src=\"@Model.ImageSrc\" alt=\"The current lead image\">", "alt=\"The current lead image\"")]
    [InlineData("<button type=\"submit\">Save @Model.Name</button>", "Save")]
    [InlineData("<td>@(when?.ToString(\"yyyy\"))@if (overdue) {<strong> overdue</strong>}</td>", "overdue")]
    public void TheScanFindsLiteralText(string razor, string expected) => Assert.Equal(expected, Assert.Single(LiteralText(razor)).Text);

    [Theory]
    [InlineData("<h1>@T[\"Dashboard.Title\"]</h1>")]
    [InlineData("<nav aria-label=\"@T[\"Layout.Sections\"]\">")]
    [InlineData("<td>@(when?.ToString(\"yyyy-MM-dd HH:mm\", CultureInfo.InvariantCulture))@if (overdue) {<strong>@T[\"Dashboard.Overdue\"]</strong>}</td>")]
    [InlineData("@{\n    ViewData[\"Title\"] = \"Not text\";\n}\n<p>@T[\"A\"] · @Model.Code</p>")]
    [InlineData("<p class=\"site-name\"><a href=\"/\">NewsPortal</a></p>")]
    [InlineData("@* A comment with words *@<p>@T[\"A\"]</p>")]
    public void TheScanLetsLocalizedTextThrough(string razor) => Assert.Empty(LiteralText(razor));

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex("\\b(?<name>aria-label|title|placeholder|alt)=\"(?<value>[^\"]*)\"|<input[^>]*type=\"(?:submit|button)\"[^>]*\\b(?<name>value)=\"(?<value>[^\"]*)\"")]
    private static partial Regex ReadOutAttribute();

    /// <summary>Text after the end of a tag: a '>' after neither space nor '=' (so not "=>" or "a > b" in code).</summary>
    [GeneratedRegex(@"(?<![\s=])>(?<text>[^<]+)")]
    private static partial Regex TextAfterTag();

    [GeneratedRegex(@"^\s*@(model|using|inject|addTagHelper|inherits|layout)\b")]
    private static partial Regex Directive();

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}'’-]*")]
    private static partial Regex Word();
}
