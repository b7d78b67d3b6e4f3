namespace NewsPortal.Web.Domain;

/// <summary>Where an article is in its life: draft → in review → scheduled or published → unpublished or archived.</summary>
public enum ArticleStatus
{
    Draft = 0,
    InReview = 1,
    Scheduled = 2,
    Published = 3,
    Unpublished = 4,
    Archived = 5,
}
