using Microsoft.Extensions.Localization;

namespace NewsPortal.Web.Features;

/// <summary>
/// What a use case has to tell the person (a refusal, a warning, a confirmation) as a resource key of
/// <see cref="EditorResource"/> and its arguments, never as an English sentence: the editor area words it in the
/// person's interface language. An argument may itself be a notice (a field's label inside a sentence).
/// </summary>
public sealed record Notice(string Key, params object?[] Arguments)
{
    public override string ToString() => Arguments.Length == 0 ? Key : $"{Key}({string.Join(", ", Arguments)})";
}

public static class NoticeLocalization
{
    /// <summary>The notice in the current UI culture; nested notices among the arguments are worded first.</summary>
    public static string Word(this IStringLocalizer localizer, Notice notice)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(notice);
        var arguments = notice.Arguments.Select(a => a is Notice inner ? localizer.Word(inner) : a).ToArray();
        return localizer[notice.Key, arguments!].Value;
    }

    public static IReadOnlyList<string> Word(this IStringLocalizer localizer, IEnumerable<Notice> notices) =>
        [.. notices.Select(localizer.Word)];
}
