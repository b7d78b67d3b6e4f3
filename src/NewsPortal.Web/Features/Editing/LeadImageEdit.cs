using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Content.Media;

namespace NewsPortal.Web.Features.Editing;

/// <summary>
/// The lead-image part of one save: a new upload, removal, or a new focal point. New files are written before
/// the commit (the save needs their key); old files are deleted only after it, so a failed save leaves the
/// stored picture exactly as it was, and a taken-down picture answers 404 as soon as the save has committed.
/// </summary>
internal sealed class LeadImageEdit(NewsPortalDbContext db, ImageRenditionWriter images, DateTime now)
{
    /// <summary>Keys written by this save: deleted again if the save fails.</summary>
    private readonly List<string> _written = [];

    /// <summary>Keys this save stops using: deleted after the commit unless another picture row still uses them.</summary>
    private readonly List<string> _replaced = [];

    /// <summary>What the editor should know although the save went through.</summary>
    public List<Notice> Problems { get; } = [];

    /// <summary>
    /// The picture the form asks for, given the one it showed (<paramref name="current"/>): a new upload, none
    /// (removed), a new crop of the same master under a new key, or the same picture. A new picture gets a row
    /// of its own, so a live story keeps showing its picture until its changes go live. Returns the refusal
    /// when an upload is not accepted.
    /// </summary>
    public async Task<(int? ImageId, ImageRejectedException? Refused)> ChooseAsync(Image? current, ArticleForm form, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (upload is not null)
        {
            StoredImage stored;
            try
            {
                stored = UploadedImage.Store(upload, images, form.FocalX, form.FocalY);
            }
            catch (ImageRejectedException ex)
            {
                return (null, ex);
            }

            _written.Add(stored.StorageKey);
            return (await AddAsync(stored, form, cancellationToken), null);
        }

        if (form.RemoveLeadImage || current is null)
        {
            return (null, null);
        }

        if (form.FocalX != current.FocalX || form.FocalY != current.FocalY)
        {
            if (images.Rerender(current.StorageKey, form.FocalX, form.FocalY) is { } rendered)
            {
                _written.Add(rendered.StorageKey);
                return (await AddAsync(rendered, form, cancellationToken), null);
            }

            Problems.Add(new Notice("Problem.FocalPointNeedsNewUpload"));
        }

        return (current.Id, null);
    }

    /// <summary>
    /// Drops the picture rows this save stopped using (the article's previous live or pending picture, an upload
    /// the command did not keep), unless another article shows them; their files go after the commit.
    /// </summary>
    public async Task ReleaseAsync(Article article, IEnumerable<int?> before, CancellationToken cancellationToken)
    {
        var after = new[] { article.LeadImageId, article.PendingContent?.LeadImageId };
        foreach (var id in before.OfType<int>().Distinct().Where(id => !after.Contains(id)))
        {
            if (await db.Articles.AnyAsync(a => a.LeadImageId == id && a.Id != article.Id, cancellationToken)
                || await db.Images.FindAsync([id], cancellationToken) is not { } image)
            {
                continue;
            }

            _replaced.Add(image.StorageKey);
            db.Images.Remove(image);
        }
    }

    private async Task<int> AddAsync(StoredImage stored, ArticleForm form, CancellationToken cancellationToken)
    {
        var image = new Image(stored.StorageKey, stored.Width, stored.Height, now);
        image.SetFocalPoint(form.FocalX, form.FocalY);
        db.Images.Add(image);
        await db.SaveChangesAsync(cancellationToken);
        return image.Id;
    }

    /// <summary>After the commit: the files nobody uses any more are taken down, so their URLs answer 404 at once.</summary>
    public async Task CommittedAsync(CancellationToken cancellationToken)
    {
        foreach (var key in _replaced.Distinct(StringComparer.Ordinal))
        {
            // Translations of the demo content share files under one key, each with a picture row of its own.
            if (!await db.Images.AnyAsync(i => i.StorageKey == key, cancellationToken))
            {
                images.TakeDown(key);
            }
        }
    }

    /// <summary>The save failed: the files it wrote go, the stored picture's files stay.</summary>
    public void Failed()
    {
        foreach (var key in _written)
        {
            images.Delete(key);
        }
    }
}
