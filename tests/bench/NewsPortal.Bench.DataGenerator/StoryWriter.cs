using System.Globalization;
using System.Text;

namespace NewsPortal.Bench.DataGenerator;

/// <summary>The text of one generated article, before Markdown rendering.</summary>
internal sealed record ArticleText(
    string Headline,
    string Lead,
    string BodyMarkdown,
    string Author,
    string AltText,
    string Caption,
    string ImageCredit,
    string Correction,
    string PlaceName);

/// <summary>
/// Writes articles of realistic shape from a <see cref="Vocabulary"/>: headline 40–120 characters,
/// lead 150–300, body 600–1,500 words in paragraphs with sub-heads, quotations, links and now and then a list.
/// </summary>
internal sealed class StoryWriter(Random random)
{
    public const int MinHeadline = 40;
    public const int MaxHeadline = 120;
    public const int MinLead = 150;
    public const int MaxLead = 300;
    public const int MinBodyWords = 600;
    public const int MaxBodyWords = 1500;

    public ArticleText Write(Vocabulary v, int placeIndex)
    {
        var place = v.Places[placeIndex % v.Places.Length];
        return new ArticleText(
            Headline(v, place),
            Lead(v, place),
            Body(v, place),
            Person(v),
            $"{v.IllustrationPrefix} {LowerFirst(Pick(v.Subjects).Text)} {place.Phrase}",
            Sentence(v, place.Phrase),
            $"{v.PhotoPrefix} {Person(v)}",
            Pick(v.Corrections),
            place.Name);
    }

    private string Headline(Vocabulary v, Place place)
    {
        for (var attempt = 0; ; attempt++)
        {
            var text = Sentence(v, place.Phrase, modifier: random.NextDouble() < 0.4).TrimEnd('.');
            if (text.Length is >= MinHeadline and <= MaxHeadline)
            {
                return text;
            }

            if (attempt > 50)
            {
                return Fit(text.Length < MinHeadline ? $"{text} {Pick(v.Modifiers)} {Pick(v.Modifiers)}" : text, MinHeadline, MaxHeadline).TrimEnd('.');
            }
        }
    }

    private string Lead(Vocabulary v, Place place)
    {
        for (var attempt = 0; ; attempt++)
        {
            var text = new StringBuilder(Sentence(v, place.Phrase, modifier: true));
            while (text.Length < MinLead)
            {
                text.Append(' ').Append(random.NextDouble() < 0.5 ? Fact(v) : Sentence(v, null));
            }

            if (text.Length <= MaxLead || attempt > 50)
            {
                return Fit(text.ToString(), MinLead, MaxLead);
            }
        }
    }

    private string Body(Vocabulary v, Place place)
    {
        // The last paragraph overshoots the target by up to about 60 words.
        var target = random.Next(MinBodyWords, MaxBodyWords - 60);
        var body = new StringBuilder(target * 8);
        var words = 0;
        var quotes = 0;
        var quotesWanted = random.Next(1, 4);
        var listDone = random.NextDouble() < 0.7;
        var paragraphsUntilHeading = random.Next(2, 5);
        var headings = v.SubHeads.OrderBy(_ => random.Next()).ToList();

        void Block(string text)
        {
            if (body.Length > 0)
            {
                body.Append("\n\n");
            }

            body.Append(text);
            words += CountWords(text);
        }

        while (words < target)
        {
            if (paragraphsUntilHeading-- == 0 && headings.Count > 0)
            {
                Block("## " + headings[0]);
                headings.RemoveAt(0);
                paragraphsUntilHeading = random.Next(3, 6);
            }

            Block(Paragraph(v, place));
            if (quotes < quotesWanted && random.NextDouble() < 0.25)
            {
                Block(v.Quote(Sentence(v, null).TrimEnd('.'), Person(v), Pick(v.Roles)));
                quotes++;
            }
            else if (!listDone && random.NextDouble() < 0.15)
            {
                var items = v.Objects.OrderBy(_ => random.Next()).Take(random.Next(3, 6)).Select(o => "- " + o);
                Block(v.ListIntro + "\n\n" + string.Join('\n', items));
                listDone = true;
            }
        }

        return body.ToString();
    }

    private string Paragraph(Vocabulary v, Place place)
    {
        var sentences = new List<string>();
        var count = random.Next(3, 7);
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            var where = random.NextDouble() < 0.25 ? place.Phrase : null;
            sentences.Add(roll switch
            {
                < 0.2 => Fact(v),
                < 0.45 => $"{Pick(v.Connectors)} {LowerFirst(Sentence(v, where))}",
                _ => Sentence(v, where),
            });
        }

        if (random.NextDouble() < 0.3)
        {
            var link = $"[{Pick(v.Documents)}](https://example.org/{v.Code}/reports/{random.Next(1000, 99999)})";
            sentences.Insert(random.Next(sentences.Count + 1), v.LinkSentence.Replace("{link}", link, StringComparison.Ordinal));
        }

        return string.Join(' ', sentences);
    }

    private string Sentence(Vocabulary v, string? placePhrase, bool modifier = false)
    {
        var subject = Pick(v.Subjects);
        var verb = Pick(v.Verbs);
        var withModifier = modifier || random.NextDouble() < 0.4;
        return v.Sentence(subject.Text, subject.Plural ? verb.Plural : verb.Singular, Pick(v.Objects), placePhrase, withModifier ? Pick(v.Modifiers) : null);
    }

    private string Fact(Vocabulary v) => Pick(v.Facts).Replace("{n}", v.Number(random.Next(2, 96)), StringComparison.Ordinal);

    private string Person(Vocabulary v) => random.NextDouble() < 0.5
        ? $"{Pick(v.FemaleFirstNames)} {v.FemaleSurname(Pick(v.Surnames))}"
        : $"{Pick(v.MaleFirstNames)} {Pick(v.Surnames)}";

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    /// <summary>Shortens text longer than <paramref name="max"/> at a word boundary (not below <paramref name="min"/>) and ends it with a stop.</summary>
    private static string Fit(string text, int min, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        var fitted = (cut >= min ? text[..cut] : text[..(max - 1)]).TrimEnd(',', ' ', '—', '،');
        return fitted.EndsWith('.') ? fitted : fitted + ".";
    }

    private static string LowerFirst(string text) =>
        text.Length == 0 ? text : char.ToLower(text[0], CultureInfo.InvariantCulture) + text[1..];

    private static int CountWords(string text) =>
        text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
}
