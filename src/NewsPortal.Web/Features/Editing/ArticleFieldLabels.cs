using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Editing;

/// <summary>The article form's field names as the form labels them (resource keys <c>Field.*</c>), for conflicts, revision comparisons and messages.</summary>
public static class ArticleFieldLabels
{
    public static Notice Label(ArticleField field) => new($"Field.{field}");
}
