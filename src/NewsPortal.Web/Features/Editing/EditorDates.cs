using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Editing;

/// <summary>
/// The article form's times: typed in the time zone the editor picks on the form (UTC unless chosen),
/// stored in UTC, and kept within what a newsroom means — a story is breaking for days, not forever,
/// and a schedule reaches a year ahead at most.
/// </summary>
public static class EditorDates
{
    public static readonly TimeSpan LongestBreaking = TimeSpan.FromDays(7);

    public static readonly TimeSpan FurthestSchedule = TimeSpan.FromDays(366);

    /// <summary>The zones offered on the form: UTC first, then every zone the system knows, by IANA name.</summary>
    public static IReadOnlyList<string> ZoneIds { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id != "UTC").Order(StringComparer.Ordinal).Prepend("UTC")];

    public static TimeZoneInfo? Zone(string? id) =>
        string.IsNullOrWhiteSpace(id) || id == "UTC" ? TimeZoneInfo.Utc
        : TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone
        : null;

    /// <summary>A time typed on the form as UTC (null when empty, the zone unknown or the local time does not exist).</summary>
    public static DateTime? ToUtc(DateTime? typed, string? zoneId)
    {
        if (typed is not { } value || Zone(zoneId) is not { } zone || zone.IsInvalidTime(DateTime.SpecifyKind(value, DateTimeKind.Unspecified)))
        {
            return null;
        }

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), zone);
    }

    /// <summary>A stored UTC time as the form shows it in the chosen zone.</summary>
    public static DateTime? FromUtc(DateTime? utc, string? zoneId) =>
        utc is { } value ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), Zone(zoneId) ?? TimeZoneInfo.Utc) : null;

    public static IReadOnlyList<Notice> Problems(ArticleForm form, DateTime now)
    {
        if (Zone(form.TimeZone) is not { } zone)
        {
            return [new Notice("Dates.UnknownTimeZone", form.TimeZone)];
        }

        var problems = new List<Notice>();
        foreach (var (name, typed) in new[] { (ArticleField.BreakingUntil, form.BreakingUntil), (ArticleField.PublishAt, form.PublishAt) })
        {
            if (typed is { } value && zone.IsInvalidTime(DateTime.SpecifyKind(value, DateTimeKind.Unspecified)))
            {
                problems.Add(new Notice("Dates.SkippedTime", ArticleFieldLabels.Label(name), value.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), zone.Id));
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        if (ToUtc(form.BreakingUntil, form.TimeZone) is { } until && until > now + LongestBreaking)
        {
            problems.Add(new Notice("Dates.BreakingTooLong", ArticleFieldLabels.Label(ArticleField.BreakingUntil), (int)LongestBreaking.TotalDays));
        }

        if (ToUtc(form.PublishAt, form.TimeZone) is { } at && at > now + FurthestSchedule)
        {
            problems.Add(new Notice("Dates.ScheduleTooFar", ArticleFieldLabels.Label(ArticleField.PublishAt)));
        }

        return problems;
    }
}
