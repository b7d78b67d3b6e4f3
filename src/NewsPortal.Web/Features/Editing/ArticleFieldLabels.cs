using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Editing;

/// <summary>The article form's field names as the form labels them, for conflicts and revision comparisons.</summary>
public static class ArticleFieldLabels
{
    public static string Label(ArticleField field) => field switch
    {
        ArticleField.Section => "Section",
        ArticleField.Headline => "Headline",
        ArticleField.Lead => "Lead",
        ArticleField.Body => "Body",
        ArticleField.Author => "Author",
        ArticleField.Slug => "Slug",
        ArticleField.Credits => "Credited sources",
        ArticleField.Picture => "Lead image",
        ArticleField.AltText => "Alt text",
        ArticleField.Caption => "Caption",
        ArticleField.PictureCredit => "Picture credit",
        ArticleField.FocalPoint => "Focal point",
        ArticleField.BreakingUntil => "Breaking until",
        ArticleField.PublishAt => "Publish at",
        _ => field.ToString(),
    };
}
