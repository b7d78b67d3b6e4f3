using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsPortal.Web.Localization;

/// <summary>
/// A language's plural rules in the syntax of CLDR (Unicode TR35, "Language Plural Rules"), for example
/// <c>one: i = 1 and v = 0 @integer 1; other: @integer 0, 2~16, 100, …</c>: rules separated by <c>;</c>,
/// each a category, a condition over the operands <c>n i v w f t c e</c> (<c>and</c> binds tighter than
/// <c>or</c>; <c>=</c>/<c>!=</c> against values, ranges <c>a..b</c> and lists; <c>%</c> or <c>mod</c>) and
/// optional <c>@integer</c>/<c>@decimal</c> samples. A rule without a condition (<c>other</c>) always applies.
/// </summary>
public sealed partial class CldrPluralRules
{
    private readonly List<Rule> rules;

    private CldrPluralRules(List<Rule> rules) => this.rules = rules;

    /// <summary>The categories in the order the rules name them (always ending with <c>other</c>).</summary>
    public IReadOnlyList<string> Categories => [.. rules.Select(r => r.Category)];

    /// <summary>The <c>@integer</c> samples of <paramref name="category"/>, ranges expanded; empty when it has none.</summary>
    public IReadOnlyList<long> IntegerSamples(string category) =>
        rules.FirstOrDefault(r => r.Category == category)?.IntegerSamples ?? [];

    public string Category(long n) => Category((decimal)n);

    /// <summary>The category of <paramref name="n"/>; its scale counts as visible fraction digits (1.0m has one).</summary>
    public string Category(decimal n)
    {
        var operands = Operands.Of(n);
        return rules.FirstOrDefault(r => r.Condition is null || r.Condition(operands))?.Category ?? "other";
    }

    public static CldrPluralRules Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<Rule>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"A plural rule needs \"category: condition\": \"{part}\".");
            }

            var category = part[..colon].Trim();
            var rest = part[(colon + 1)..];
            var at = rest.IndexOf('@', StringComparison.Ordinal);
            var conditionText = (at < 0 ? rest : rest[..at]).Trim();
            var samples = at < 0 ? "" : rest[at..];
            var condition = conditionText.Length == 0 ? null : new ConditionParser(conditionText).ParseCondition();
            rules.Add(new Rule(category, condition, ParseIntegerSamples(samples)));
        }

        if (rules.Count == 0 || rules[^1].Category != "other" || rules[^1].Condition is not null)
        {
            throw new FormatException("Plural rules must end with \"other\", which has no condition.");
        }

        return new CldrPluralRules(rules);
    }

    private static List<long> ParseIntegerSamples(string samples)
    {
        var result = new List<long>();
        var match = IntegerSampleList().Match(samples);
        if (!match.Success)
        {
            return result;
        }

        foreach (var item in match.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (item is "…" or "...")
            {
                continue;
            }

            var bounds = item.Split('~');
            var from = long.Parse(bounds[0], CultureInfo.InvariantCulture);
            var to = bounds.Length > 1 ? long.Parse(bounds[1], CultureInfo.InvariantCulture) : from;
            for (var n = from; n <= to; n++)
            {
                result.Add(n);
            }
        }

        return result;
    }

    [GeneratedRegex(@"@integer([^@]*)")]
    private static partial Regex IntegerSampleList();

    [GeneratedRegex(@"\d+(?:\.\d+)?|\.\.|!=|=|%|,|[a-z]+")]
    private static partial Regex Token();

    private sealed record Rule(string Category, Func<Operands, bool>? Condition, List<long> IntegerSamples);

    /// <summary>The CLDR operands of a number: n absolute value, i integer digits, v/w fraction digit counts, f/t fraction digits.</summary>
    private sealed record Operands(decimal N, decimal I, decimal V, decimal W, decimal F, decimal T)
    {
        public static Operands Of(decimal value)
        {
            var n = Math.Abs(value);
            var text = n.ToString(CultureInfo.InvariantCulture);
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            var fraction = dot < 0 ? "" : text[(dot + 1)..];
            var trimmed = fraction.TrimEnd('0');
            return new Operands(
                n,
                decimal.Truncate(n),
                fraction.Length,
                trimmed.Length,
                fraction.Length == 0 ? 0 : decimal.Parse(fraction, CultureInfo.InvariantCulture),
                trimmed.Length == 0 ? 0 : decimal.Parse(trimmed, CultureInfo.InvariantCulture));
        }

        public decimal Get(string name) => name switch
        {
            "n" => N,
            "i" => I,
            "v" => V,
            "w" => W,
            "f" => F,
            "t" => T,
            "c" or "e" => 0,
            _ => throw new FormatException($"Unknown plural operand \"{name}\"."),
        };
    }

    private sealed class ConditionParser(string text)
    {
        private readonly List<string> tokens = [.. Token().Matches(text).Select(m => m.Value)];
        private int position;

        public Func<Operands, bool> ParseCondition()
        {
            var result = ParseOr();
            if (position != tokens.Count)
            {
                throw new FormatException($"Unexpected \"{tokens[position]}\" in plural rule \"{text}\".");
            }

            return result;
        }

        private Func<Operands, bool> ParseOr()
        {
            var left = ParseAnd();
            while (Accept("or"))
            {
                var l = left;
                var r = ParseAnd();
                left = o => l(o) || r(o);
            }

            return left;
        }

        private Func<Operands, bool> ParseAnd()
        {
            var left = ParseRelation();
            while (Accept("and"))
            {
                var l = left;
                var r = ParseRelation();
                left = o => l(o) && r(o);
            }

            return left;
        }

        private Func<Operands, bool> ParseRelation()
        {
            var operand = Next();
            if (operand is not ("n" or "i" or "v" or "w" or "f" or "t" or "c" or "e"))
            {
                throw new FormatException($"Expected a plural operand, found \"{operand}\" in \"{text}\".");
            }

            decimal? modulus = Accept("%") || Accept("mod") ? Number(Next()) : null;
            bool negate;
            if (Accept("!="))
            {
                negate = true;
            }
            else if (Accept("=") || Accept("in") || Accept("within"))
            {
                negate = false;
            }
            else if (Accept("is") || Accept("not"))
            {
                negate = Accept("not") || tokens[position - 1] == "not";
                Accept("in");
            }
            else
            {
                throw new FormatException($"Expected = or != after \"{operand}\" in \"{text}\".");
            }

            var ranges = new List<(decimal From, decimal To)>();
            do
            {
                var from = Number(Next());
                var to = Accept("..") ? Number(Next()) : from;
                ranges.Add((from, to));
            }
            while (Accept(","));

            return o =>
            {
                var value = o.Get(operand);
                if (modulus is { } m)
                {
                    value %= m;
                }

                // A value lies in a range only when it is a whole number within it (TR35).
                var found = ranges.Any(r => value == decimal.Truncate(value) && value >= r.From && value <= r.To);
                return found != negate;
            };
        }

        private bool Accept(string token)
        {
            if (position < tokens.Count && tokens[position] == token)
            {
                position++;
                return true;
            }

            return false;
        }

        private string Next() => position < tokens.Count
            ? tokens[position++]
            : throw new FormatException($"Plural rule \"{text}\" ends too early.");

        private decimal Number(string token) => decimal.TryParse(token, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"Expected a number, found \"{token}\" in \"{text}\".");
    }
}
