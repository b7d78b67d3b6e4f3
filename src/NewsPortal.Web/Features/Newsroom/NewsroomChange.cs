namespace NewsPortal.Web.Features.Newsroom;

/// <summary>
/// The outcome of an admin's change to editions, sections or sources: done (with what to tell them), refused
/// (with why), or aimed at something that does not exist.
/// </summary>
public sealed record NewsroomChange(bool Found, Notice? Done, IReadOnlyList<Notice> Problems)
{
    public static readonly NewsroomChange NotFound = new(false, null, []);

    public static NewsroomChange Succeed(Notice done) => new(true, done, []);

    public static NewsroomChange Refuse(params Notice[] problems) => new(true, null, problems);

    /// <summary>Countries typed as a list: separated by commas, spaces or semicolons.</summary>
    internal static string[] SplitCountries(string countries) => countries.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
}
