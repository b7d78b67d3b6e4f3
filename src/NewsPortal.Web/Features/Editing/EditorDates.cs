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

    public static IReadOnlyList<string> Problems(ArticleForm form, DateTime now)
    {
        if (Zone(form.TimeZone) is not { } zone)
        {
            return [$"Unknown time zone “{form.TimeZone}”: choose one from the list."];
        }

        var problems = new List<string>();
        foreach (var (name, typed) in new[] { ("Breaking until", form.BreakingUntil), ("Publish at", form.PublishAt) })
        {
            if (typed is { } value && zone.IsInvalidTime(DateTime.SpecifyKind(value, DateTimeKind.Unspecified)))
            {
                problems.Add($"{name}: {value:yyyy-MM-dd HH:mm} does not exist in {zone.Id} (the clocks skip it); choose another time.");
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        if (ToUtc(form.BreakingUntil, form.TimeZone) is { } until && until > now + LongestBreaking)
        {
            problems.Add($"Breaking until: a story is breaking for at most {LongestBreaking.TotalDays:0} days; choose an earlier time or leave it empty.");
        }

        if (ToUtc(form.PublishAt, form.TimeZone) is { } at && at > now + FurthestSchedule)
        {
            problems.Add("Publish at: schedule at most a year ahead.");
        }

        return problems;
    }
}
