using System.Text;

namespace NewsPortal.Web.Features.Search;

/// <summary>
/// Turns what a reader typed into a safe SQLite FTS5 query. Every word becomes a quoted string,
/// so FTS5 operators and punctuation (<c>NEAR(</c>, <c>-</c>, <c>(</c>, <c>:</c>, <c>^</c>) are only ever
/// searched for, never executed. Text in double quotes is a phrase; a trailing <c>*</c> asks for a prefix.
/// All terms must match. Returns null when nothing searchable remains.
/// </summary>
public static class SearchQuery
{
    /// <summary>
    /// What a reader typed, as the search page shows it and the cache keys it: composed Unicode, trimmed,
    /// each run of white space one space. Queries that differ only in spacing share one cached page.
    /// </summary>
    public static string Normalize(string? input) =>
        string.IsNullOrWhiteSpace(input)
            ? ""
            : string.Join(' ', input.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string? ToFts5(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var terms = new List<string>();
        var position = 0;
        while (position < input.Length)
        {
            var ch = input[position];
            if (ch == '"')
            {
                var end = input.IndexOf('"', position + 1);
                var phrase = end < 0 ? input[(position + 1)..] : input[(position + 1)..end];
                AddTerm(terms, phrase, prefix: false);
                position = end < 0 ? input.Length : end + 1;
                continue;
            }

            if (char.IsWhiteSpace(ch))
            {
                position++;
                continue;
            }

            var start = position;
            while (position < input.Length && !char.IsWhiteSpace(input[position]) && input[position] != '"')
            {
                position++;
            }

            var word = input[start..position];
            var prefix = word.EndsWith('*');
            AddTerm(terms, word.TrimEnd('*'), prefix);
        }

        return terms.Count == 0 ? null : string.Join(' ', terms);
    }

    private static void AddTerm(List<string> terms, string text, bool prefix)
    {
        // Only letters, digits and marks make tokens in FTS5's unicode61 tokenizer; the rest separates them.
        var cleaned = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            cleaned.Append(char.IsLetterOrDigit(ch) || char.GetUnicodeCategory(ch) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark ? ch : ' ');
        }

        var normalized = string.Join(' ', cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (normalized.Length == 0)
        {
            return;
        }

        terms.Add(prefix ? $"\"{normalized}\"*" : $"\"{normalized}\"");
    }
}
