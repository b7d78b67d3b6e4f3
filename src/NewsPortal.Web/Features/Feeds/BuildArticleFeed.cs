using System.Globalization;
using System.ServiceModel.Syndication;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Editions;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Feeds;

/// <summary>Absolute URLs a feed points to.</summary>
/// <param name="Author">A person's author page in the feed's edition, by the person's slug.</param>
public sealed record FeedLinks(Uri Self, Uri Alternate, Func<int, string, Uri> Article, Func<string, Uri> Author);

/// <summary>Builds the channel and entries of a story feed or the corrections feed, in the edition's language.</summary>
public sealed class BuildArticleFeed(IStringLocalizer<SharedResource> localizer, IOptionsSnapshot<SiteOptions> site)
{
    /// <summary>
    /// Story entries with the full body and credit line: in Atom as the entry's content (the lead is its
    /// summary); in RSS 2.0, which has one text field, as the item's description.
    /// </summary>
    public FeedDocument Stories(EditionView edition, string title, FeedLinks links, IReadOnlyList<FeedStory> stories, FeedFormat format)
    {
        var items = stories.Select(story =>
        {
            var link = links.Article(story.Id, story.Slug);
            var byline = People.Byline.Text(story.Contributors, edition.Culture, localizer);
            var credit = (byline.Length > 0 ? [byline] : Array.Empty<string>()).Concat(CreditLine.Sentences(story.Sources, edition.Culture, localizer)).ToList();
            var html = new TextSyndicationContent(FeedWriter.EntryHtml(story.BodyHtml, credit), TextSyndicationContentKind.Html);
            var item = new SyndicationItem(story.Headline, format == FeedFormat.Atom ? html : null, link, link.ToString(), Updated(story))
            {
                PublishDate = new DateTimeOffset(story.PublishedAt, TimeSpan.Zero),
                Summary = format == FeedFormat.Atom ? new TextSyndicationContent(story.Lead) : html,
            };
            AddAuthors(item, story.Contributors, links);
            item.Categories.Add(new SyndicationCategory(story.SectionName));
            return item;
        }).ToList();
        return Document(edition, title, links, items, format);
    }

    /// <summary>
    /// Corrections are plain text. Atom says so (<c>type="text"</c>); RSS 2.0's description is
    /// entity-encoded HTML, so the text is HTML-encoded first or a reader would render markup in it.
    /// </summary>
    public FeedDocument Corrections(EditionView edition, string title, FeedLinks links, IReadOnlyList<FeedCorrection> corrections, FeedFormat format)
    {
        var items = corrections.Select(c =>
        {
            var link = new Uri(links.Article(c.ArticleId, c.Slug) + "#corrections-heading");
            var published = new DateTimeOffset(c.PublishedAt, TimeSpan.Zero);
            return new SyndicationItem(localizer["CorrectionEntryTitle", c.Headline], (SyndicationContent?)null, link, $"{link}/{c.PublishedAt.Ticks.ToString(CultureInfo.InvariantCulture)}", published)
            {
                PublishDate = published,
                Summary = FeedWriter.PlainText(c.Text, format),
            };
        }).ToList();
        return Document(edition, title, links, items, format);
    }

    /// <summary>
    /// Live updates: the text, quote card and sources as the entry's HTML (sanitized when it was rendered, the
    /// rest encoded here); titled by the update's title or the start of its text.
    /// </summary>
    public FeedDocument Updates(EditionView edition, string title, FeedLinks links, IReadOnlyList<LiveCoverage.LiveUpdateView> updates, Func<long, Uri> updateUrl, FeedFormat format)
    {
        var items = updates.Select(update =>
        {
            var link = updateUrl(update.Id);
            var html = new System.Text.StringBuilder(update.BodyHtml);
            if (update.QuoteText is { } quote)
            {
                html.Append("<blockquote><p>").Append(System.Net.WebUtility.HtmlEncode(quote)).Append("</p>");
                if (update.QuoteAttribution is { } said)
                {
                    html.Append("<p>— ").Append(System.Net.WebUtility.HtmlEncode(said)).Append("</p>");
                }

                html.Append("</blockquote>");
            }

            if (update.Sources.Count > 0)
            {
                html.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(localizer["UpdateSources"] + " " + string.Join(", ", update.Sources.Select(s => s.ShortName)))).Append("</p>");
            }

            if (update.CorrectionNote is { } note)
            {
                html.Append("<p><strong>").Append(System.Net.WebUtility.HtmlEncode(localizer["UpdateCorrected", Localization.LocalDateTime.Format(update.CorrectedAt!.Value, edition.Culture)])).Append("</strong> ")
                    .Append(System.Net.WebUtility.HtmlEncode(note)).Append("</p>");
            }

            var content = new TextSyndicationContent(html.ToString(), TextSyndicationContentKind.Html);
            var posted = new DateTimeOffset(update.PostedAt, TimeSpan.Zero);
            var item = new SyndicationItem(update.Summary, format == FeedFormat.Atom ? content : null, link, link.ToString(), new DateTimeOffset(update.CorrectedAt ?? update.PostedAt, TimeSpan.Zero))
            {
                PublishDate = posted,
                Summary = format == FeedFormat.Atom ? null : content,
            };
            AddAuthors(item, update.Contributors, links);
            return item;
        }).ToList();
        return Document(edition, title, links, items, format);
    }

    /// <summary>Atom needs an author on every entry: those who wrote or reported it, else the publisher.</summary>
    private void AddAuthors(SyndicationItem item, IReadOnlyList<People.PersonCredit> contributors, FeedLinks links)
    {
        foreach (var person in contributors.Where(c => c.Role is Domain.ContributorRole.Writing or Domain.ContributorRole.Reporting).DistinctBy(c => c.PersonId))
        {
            item.Authors.Add(new SyndicationPerson { Name = person.Name, Uri = links.Author(person.Slug).AbsoluteUri });
        }

        if (item.Authors.Count == 0)
        {
            item.Authors.Add(new SyndicationPerson { Name = site.Value.Name });
        }
    }

    private static FeedDocument Document(EditionView edition, string title, FeedLinks links, List<SyndicationItem> items, FeedFormat format)
    {
        var lastModified = items.Count == 0 ? DateTime.UnixEpoch : items.Max(i => i.LastUpdatedTime).UtcDateTime;
        var feed = new SyndicationFeed(title, null, links.Alternate, links.Self.ToString(), new DateTimeOffset(lastModified, TimeSpan.Zero), items)
        {
            Language = edition.Code,
            Generator = "NewsPortal",
            // The channel description repeats the title, which holds section and source names as editors typed them.
            Description = FeedWriter.PlainText(title, format),
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(links.Self));
        if (format == FeedFormat.Rss)
        {
            FeedWriter.UseRfc822Dates(feed);
        }

        return new FeedDocument(feed, lastModified);
    }

    private static DateTimeOffset Updated(FeedStory story) =>
        new(story.UpdatedAt > story.PublishedAt ? story.UpdatedAt : story.PublishedAt, TimeSpan.Zero);
}
