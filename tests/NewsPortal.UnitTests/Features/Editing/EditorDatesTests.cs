using NewsPortal.UnitTests.Localization;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.UnitTests.Features.Editing;

public class EditorDatesTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ATimeTypedInAZoneIsStoredInUtc()
    {
        Assert.Equal(new DateTime(2026, 12, 1, 6, 0, 0, DateTimeKind.Utc), EditorDates.ToUtc(new DateTime(2026, 12, 1, 9, 0, 0), "Europe/Moscow"));
        Assert.Equal(new DateTime(2026, 12, 1, 5, 30, 0, DateTimeKind.Utc), EditorDates.ToUtc(new DateTime(2026, 12, 1, 9, 0, 0), "Asia/Tehran"));
        Assert.Equal(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), EditorDates.ToUtc(new DateTime(2026, 12, 1, 9, 0, 0), null));
    }

    [Fact]
    public void ATimeTheClocksSkipIsRefused()
    {
        // Clocks in London go from 01:00 to 02:00 on 28 March 2027.
        var form = new ArticleForm { TimeZone = "Europe/London", PublishAt = new DateTime(2027, 3, 28, 1, 30, 0) };

        Assert.Contains("does not exist", EditorText.English(Assert.Single(EditorDates.Problems(form, Now))), StringComparison.Ordinal);
    }

    [Fact]
    public void BreakingIsLimitedToDaysAndSchedulingToAYear()
    {
        Assert.Empty(EditorDates.Problems(new ArticleForm { BreakingUntil = Now.AddDays(2), PublishAt = Now.AddDays(300) }, Now));
        Assert.Single(EditorDates.Problems(new ArticleForm { BreakingUntil = new DateTime(9999, 12, 31) }, Now));
        Assert.Single(EditorDates.Problems(new ArticleForm { PublishAt = Now.AddYears(2) }, Now));
        Assert.Single(EditorDates.Problems(new ArticleForm { TimeZone = "Nowhere/Atlantis" }, Now));
    }
}
