using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace NewsPortal.Web.Features.Editing;

/// <summary>One line of a comparison: "added", "removed" or "same".</summary>
public sealed record DiffLine(string Kind, string Text);

/// <summary>Line-by-line comparison of two texts, computed by DiffPlex.</summary>
public static class TextDiff
{
    public static IReadOnlyList<DiffLine> Lines(string before, string after) =>
        InlineDiffBuilder.Diff(before ?? "", after ?? "", ignoreWhiteSpace: false).Lines
            .Select(l => new DiffLine(
                l.Type switch
                {
                    ChangeType.Inserted => "added",
                    ChangeType.Deleted => "removed",
                    _ => "same",
                },
                l.Text))
            .ToList();
}
