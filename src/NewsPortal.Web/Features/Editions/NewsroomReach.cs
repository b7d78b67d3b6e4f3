namespace NewsPortal.Web.Features.Editions;

/// <summary>"Journalists report the news in N languages in M countries", counted from the editions.</summary>
public sealed record NewsroomReach(int Languages, int Countries)
{
    /// <summary>
    /// Languages count by primary subtag (<c>pt</c> and <c>pt-br</c> are one language);
    /// countries count once however many editions serve them.
    /// </summary>
    public static NewsroomReach From(IEnumerable<(string Code, IReadOnlyList<string> Countries)> editions)
    {
        var list = editions.ToList();
        var languages = list.Select(e => e.Code.Split('-')[0].ToLowerInvariant()).Distinct().Count();
        var countries = list.SelectMany(e => e.Countries).Select(c => c.ToUpperInvariant()).Distinct().Count();
        return new NewsroomReach(languages, countries);
    }
}
