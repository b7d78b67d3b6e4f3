using System.Globalization;
using System.Text.RegularExpressions;
using NewsPortal.Web.Localization;

namespace NewsPortal.UnitTests.Localization;

public partial class LanguageDataTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    [InlineData("uk")]
    [InlineData("fa")]
    [InlineData("ar")]
    public void ShippedLanguagesPassTheStartupCheck(string language) =>
        Assert.True(new LanguageDataValidation().Validate(null, new EditionLocalizationOptions { SupportedCultures = [language] }).Succeeded);

    [Fact]
    public void ALanguageWithoutItsOwnRulesIsAConfigurationErrorNamingIt()
    {
        var result = new LanguageDataValidation().Validate(null, new EditionLocalizationOptions { SupportedCultures = ["en", "de"] });

        Assert.True(result.Failed);
        Assert.Contains("'de'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("List.End", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("PluralRules", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ALanguageWithoutItsOwnRulesNeverFallsBackToEnglish() =>
        Assert.Throws<InvalidOperationException>(() => ListFormatter.Join(["A", "B"], CultureInfo.GetCultureInfo("de")));

    [Fact]
    public void ArabicJoinsListsAndCountsByItsOwnRules()
    {
        var arabic = CultureInfo.GetCultureInfo("ar");
        Assert.Equal("AP وAFP ورويترز", ListFormatter.Join(["AP", "AFP", "رويترز"], arabic));
        Assert.Equal(["zero", "one", "two", "few", "many", "other"], new long[] { 0, 1, 2, 3, 11, 100 }.Select(n => PluralRules.Category(n, arabic)));
    }

    private static readonly HashSet<string> Languages =
        [.. CultureInfo.GetCultures(CultureTypes.NeutralCultures).Select(c => c.Name).Where(name => name.Length > 0)];

    [Fact]
    public void NoLanguageIsBranchedOnInCode()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "NewsPortal.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var web = Path.Combine(root.FullName, "src", "NewsPortal.Web");
        var offenders = new[] { "Localization", "Views", "Features" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(web, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => LanguageBranch().Matches(File.ReadAllText(file)).Any(m => Languages.Contains(m.Groups["code"].Value)))
            .Select(file => Path.GetRelativePath(web, file))
            .ToList();

        Assert.Empty(offenders);
    }

    // A language code compared, switched on or listed: == "fa", case "ru", is "uk" or "be", "ar" =>, ["fa"].
    [GeneratedRegex("""(?:==|!=|\bcase|\bis|\bor|\[)\s*"(?<code>[a-z]{2,3})(?:-[A-Za-z]{2,4})?"|"(?<code>[a-z]{2,3})(?:-[A-Za-z]{2,4})?"\s*(?:=>|\])""")]
    private static partial Regex LanguageBranch();
}
