using System.Text;

namespace NewsPortal.Web.Features.Search;

/// <summary>One thing a reader asked for: a word or a phrase (words separated by single spaces, only letters, digits and marks), or a prefix.</summary>
public sealed record SearchTerm(string Text, bool Prefix)
{
    public IReadOnlyList<string> Words => Text.Split(' ');
}

/// <summary>
/// Turns what a reader typed into search terms that every engine can only search for, never execute. Every word
/// is a term; text in double quotes is a phrase; a trailing <c>*</c> asks for a prefix; punctuation and operators of
/// any query language (<c>NEAR(</c>, <c>-</c>, <c>(</c>, <c>:</c>, <c>^</c>, <c>&amp;</c>, <c>|</c>, <c>!</c>) only
/// separate words. All terms must match. <see cref="ToFts5"/> and <see cref="ToTsQuery"/> write the terms in the
/// syntax of SQLite FTS5 and of PostgreSQL's <c>to_tsquery</c>; both return null when nothing searchable remains.
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

    /// <summary>The terms in what a reader typed; empty when nothing searchable remains.</summary>
    public static IReadOnlyList<SearchTerm> Parse(string? input)
    {
        var terms = new List<SearchTerm>();
        if (string.IsNullOrWhiteSpace(input))
        {
            return terms;
        }

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

        return terms;
    }

    /// <summary>SQLite FTS5: every term a quoted string (a phrase when it has several words), <c>*</c> after a prefix.</summary>
    public static string? ToFts5(string? input) => ToFts5(Parse(input));

    public static string? ToFts5(IReadOnlyList<SearchTerm> terms) =>
        terms.Count == 0 ? null : string.Join(' ', terms.Select(t => t.Prefix ? $"\"{t.Text}\"*" : $"\"{t.Text}\""));

    /// <summary>
    /// PostgreSQL <c>to_tsquery</c>, in two parts: <c>Stemmed</c>, the whole words and phrases, for the edition's
    /// language configuration (which stems and unaccents them as it did the stories), and <c>Prefixes</c>, the prefix
    /// terms, for <c>newsportal_simple</c> (unstemmed words, since a prefix is no word to stem). Every word is quoted,
    /// the words of a phrase are joined by <c>&lt;-&gt;</c> (followed by), <c>:*</c> follows a prefix, terms are joined
    /// by <c>&amp;</c>; either part is empty when the query has no such term. Null when nothing searchable remains.
    /// </summary>
    public static (string Stemmed, string Prefixes)? ToTsQuery(string? input) => ToTsQuery(Parse(input));

    public static (string Stemmed, string Prefixes)? ToTsQuery(IReadOnlyList<SearchTerm> terms)
    {
        if (terms.Count == 0)
        {
            return null;
        }

        static string Write(IEnumerable<SearchTerm> part) => string.Join(" & ", part.Select(t =>
            "(" + string.Join(" <-> ", t.Words.Select((w, i) => t.Prefix && i == t.Words.Count - 1 ? $"'{w}':*" : $"'{w}'")) + ")"));

        return (Write(terms.Where(t => !t.Prefix)), Write(terms.Where(t => t.Prefix)));
    }

    private static void AddTerm(List<SearchTerm> terms, string text, bool prefix)
    {
        // Only letters, digits and marks make words (as in FTS5's unicode61 tokenizer); the rest separates them.
        var cleaned = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            cleaned.Append(char.IsLetterOrDigit(ch) || char.GetUnicodeCategory(ch) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark ? ch : ' ');
        }

        var normalized = string.Join(' ', cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (normalized.Length > 0)
        {
            terms.Add(new SearchTerm(normalized, prefix));
        }
    }
}
