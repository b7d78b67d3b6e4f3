using NewsPortal.Web.Features.Editions;

namespace NewsPortal.UnitTests.Features.Editions;

public class NewsroomReachTests
{
    [Fact]
    public void CountsLanguagesAndDistinctCountries()
    {
        var reach = NewsroomReach.From([
            ("en", ["GB", "US"]),
            ("ru", ["RU", "KZ"]),
            ("uk", ["UA"]),
            ("fa", ["IR", "AF", "TJ"]),
        ]);

        Assert.Equal(new NewsroomReach(4, 8), reach);
    }

    [Fact]
    public void CountsACountryServedByTwoEditionsOnce()
    {
        var reach = NewsroomReach.From([("ru", ["KZ", "RU"]), ("kk", ["kz"])]);
        Assert.Equal(2, reach.Languages);
        Assert.Equal(2, reach.Countries);
    }

    [Fact]
    public void CountsRegionalVariantsAsOneLanguage() =>
        Assert.Equal(1, NewsroomReach.From([("pt", ["PT"]), ("pt-br", ["BR"])]).Languages);

    [Fact]
    public void NoEditionsReachNothing() => Assert.Equal(new NewsroomReach(0, 0), NewsroomReach.From([]));
}
