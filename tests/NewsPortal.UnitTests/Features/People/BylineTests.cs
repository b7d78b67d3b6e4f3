using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsPortal.Web;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.People;

namespace NewsPortal.UnitTests.Features.People;

public class BylineTests
{
    private static readonly IStringLocalizer Localizer = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Localization/Resources" }), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    private static string In(string culture, Func<CultureInfo, string> write)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return write(CultureInfo.GetCultureInfo(culture));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static PersonCredit Credit(int id, string name, ContributorRole role) => new(id, name, "person-" + id, role);

    [Fact]
    public void NamesEachRoleOnceInRoleOrderJoinedAsTheLanguageJoinsLists()
    {
        // Listed out of order on purpose: the byline puts writers first, then translators, then photographers.
        var credits = new[]
        {
            Credit(3, "Leila Sadr", ContributorRole.Translation),
            Credit(1, "Ana Petrova", ContributorRole.Writing),
            Credit(4, "Tomas Reiner", ContributorRole.Photo),
            Credit(2, "Karim Nouri", ContributorRole.Writing),
        };

        Assert.Equal("By Ana Petrova and Karim Nouri; translated by Leila Sadr; photographs by Tomas Reiner", In("en", c => Byline.Text(credits, c, Localizer)));
    }

    [Theory]
    [InlineData("ru", "Текст: Анна Белова и Карим Нури; перевод: Андрей Соколов")]
    [InlineData("fa", "نوشتهٔ Анна Белова و Карим Нури؛ ترجمهٔ Андрей Соколов")]
    public void ReadsInTheEditionsLanguage(string culture, string expected)
    {
        var credits = new[]
        {
            Credit(1, "Анна Белова", ContributorRole.Writing),
            Credit(2, "Карим Нури", ContributorRole.Writing),
            Credit(3, "Андрей Соколов", ContributorRole.Translation),
        };

        Assert.Equal(expected, In(culture, c => Byline.Text(credits, c, Localizer)));
    }

    [Fact]
    public void IsEmptyForAStoryCreditedToNobody() => Assert.Equal("", In("en", c => Byline.Text([], c, Localizer)));

    [Fact]
    public void LinksEveryNameAndEncodesWhatANameOrAnAddressCouldInject()
    {
        var credits = new[] { Credit(1, "<script>alert(1)</script>", ContributorRole.Writing), Credit(2, "Ana & Co", ContributorRole.Writing) };

        var html = In("en", c => ToString(Byline.Html(credits, c, Localizer, p => $"/en/author/{p.Slug}?x=\"1\"")));

        Assert.Equal(
            "By <a href=\"/en/author/person-1?x=&quot;1&quot;\" rel=\"author\">&lt;script&gt;alert(1)&lt;/script&gt;</a> and <a href=\"/en/author/person-2?x=&quot;1&quot;\" rel=\"author\">Ana &amp; Co</a>",
            html);
    }

    private static string ToString(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
