using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Editing;

/// <summary>What a save that went through tells the person, from the command they gave and where the article ended up.</summary>
public static class SaveNotice
{
    public static Notice For(SaveResult result, ArticleCommand command)
    {
        ArgumentNullException.ThrowIfNull(result);
        var article = result.Article ?? throw new ArgumentException("Only a save that went through has a notice.", nameof(result));
        return new Notice((command, article.Status) switch
        {
            _ when result.Problems.Count > 0 && command is not ArticleCommand.Save => "Notice.Saved",
            (ArticleCommand.Publish or ArticleCommand.UpdateLive, ArticleStatus.Published) when result.WasLive && article.PendingContent is null => "Notice.LiveUpdated",
            (ArticleCommand.Publish, ArticleStatus.Published) => "Notice.Published",
            (ArticleCommand.DiscardPending, _) => "Notice.PendingDiscarded",
            (_, ArticleStatus.Published) when article.PendingContent is not null => "Notice.SavedAsPending",
            (ArticleCommand.Schedule, _) => "Notice.Scheduled",
            (ArticleCommand.Submit, _) => "Notice.Submitted",
            (ArticleCommand.Unpublish, _) => "Notice.Unpublished",
            _ => "Notice.Saved",
        });
    }
}
