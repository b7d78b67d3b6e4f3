using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Content.Markdown;
using NewsPortal.Web.Content.Media;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.Web.Features.LiveCoverage;

/// <summary>
/// Turns a live-update form into what is stored, for posting and correcting alike: the Markdown rendered by the one
/// renderer, the sources looked up, the picture checked and written, and the checks every update passes before it goes
/// out (alt text, links with text). Picture files are written before the transaction and deleted if it fails.
/// </summary>
public sealed class LiveUpdateContent(NewsPortalDbContext db, ArticleMarkdownRenderer markdown, ImageRenditionWriter images)
{
    public sealed record Prepared(RenderedBody Body, List<Source> Sources, StoredImage? Picture, List<ContributorEntry> Contributors);

    public async Task<(Prepared? Content, LiveDeskResult? Refused)> PrepareAsync(LiveUpdateForm form, IFormFile? picture, bool keepsPicture, CancellationToken cancellationToken)
    {
        if (form.Markdown.Length == 0 && string.IsNullOrWhiteSpace(form.Quote))
        {
            return (null, LiveDeskResult.Fail(LiveDeskOutcome.Invalid, new Notice("Live.Problem.Empty")));
        }

        var codes = form.Sources.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var sources = await db.Sources.Where(s => codes.Contains(s.Code)).ToListAsync(cancellationToken);
        if (codes.Except(sources.Select(s => s.Code), StringComparer.Ordinal).ToList() is { Count: > 0 } unknown)
        {
            return (null, LiveDeskResult.Fail(LiveDeskOutcome.Invalid, new Notice("Problem.UnknownSource", string.Join(", ", unknown))));
        }

        var named = form.Contributors.Where(c => !string.IsNullOrWhiteSpace(c.Person) && c.Role is not null).Select(c => (Slug: c.Person!.Trim(), Role: c.Role!.Value)).ToList();
        var slugs = named.Select(c => c.Slug).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => slugs.Contains(p.Slug)).ToDictionaryAsync(p => p.Slug, p => p.Id, cancellationToken);
        if (slugs.Where(slug => !people.ContainsKey(slug)).ToList() is { Count: > 0 } strangers)
        {
            return (null, LiveDeskResult.Fail(LiveDeskOutcome.Invalid, new Notice("Problem.UnknownPerson", string.Join(", ", strangers))));
        }

        var rendered = markdown.Render(form.Markdown);
        var hasPicture = picture is { Length: > 0 } || (keepsPicture && !form.RemoveImage);
        if (PrePublishChecks.UpdateProblems(rendered.Html, hasPicture, form.AltText, form.ImageIsDecorative) is { Count: > 0 } problems)
        {
            return (null, new LiveDeskResult(LiveDeskOutcome.Invalid, problems));
        }

        StoredImage? stored = null;
        if (picture is { Length: > 0 })
        {
            try
            {
                stored = UploadedImage.Store(picture, images, 0.5, 0.5);
            }
            catch (ImageRejectedException refused)
            {
                return (null, LiveDeskResult.Fail(refused.TooLarge ? LiveDeskOutcome.TooLarge : LiveDeskOutcome.Invalid, new Notice(refused.Message, refused.Arguments)));
            }
        }

        return (new Prepared(rendered, sources.OrderBy(s => codes.IndexOf(s.Code)).ToList(), stored, named.Select(c => new ContributorEntry(people[c.Slug], c.Role)).ToList()), null);
    }

    /// <summary>The picture row for a newly written picture, described as the form says.</summary>
    public static Image NewImage(StoredImage stored, LiveUpdateForm form, DateTime now)
    {
        var image = new Image(stored.StorageKey, stored.Width, stored.Height, now)
        {
            Caption = string.IsNullOrWhiteSpace(form.Caption) ? null : form.Caption.Trim(),
            Credit = string.IsNullOrWhiteSpace(form.Credit) ? null : form.Credit.Trim(),
        };
        image.Describe(form.AltText, form.ImageIsDecorative);
        return image;
    }

    /// <summary>The transaction failed: the files this save wrote go.</summary>
    public void Failed(Prepared? prepared)
    {
        if (prepared?.Picture is { } stored)
        {
            images.Delete(stored.StorageKey);
        }
    }
}
