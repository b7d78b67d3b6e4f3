using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Media;

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
    public List<string> Problems { get; } = [];

    /// <summary>Changes the article's lead image as the form asks; the refusal when the upload is not accepted.</summary>
    public async Task<ImageRejectedException?> ApplyAsync(Article article, ArticleForm form, IFormFile? upload, CancellationToken cancellationToken)
    {
        var previous = article.LeadImage;
        if (upload is not null)
        {
            StoredImage stored;
            try
            {
                stored = UploadedImage.Store(upload, images, form.FocalX, form.FocalY);
            }
            catch (ImageRejectedException ex)
            {
                return ex;
            }

            _written.Add(stored.StorageKey);
            var image = new Image(stored.StorageKey, stored.Width, stored.Height, now);
            image.SetFocalPoint(form.FocalX, form.FocalY);
            article.SetLeadImage(image);
            await DropAsync(article, previous, cancellationToken);
        }
        else if (form.RemoveLeadImage && previous is not null)
        {
            article.SetLeadImage(null);
            await DropAsync(article, previous, cancellationToken);
        }
        else if (previous is not null && (form.FocalX != previous.FocalX || form.FocalY != previous.FocalY))
        {
            if (images.Rerender(previous.StorageKey, form.FocalX, form.FocalY) is { } rendered)
            {
                _written.Add(rendered.StorageKey);
                _replaced.Add(previous.StorageKey);
                previous.MoveToRenditions(rendered.StorageKey, rendered.Width, rendered.Height);
                previous.SetFocalPoint(form.FocalX, form.FocalY);
            }
            else
            {
                Problems.Add("The focal point can only change after uploading the picture again: this picture was stored before original copies were kept, so its crop stays as it was.");
            }
        }

        return null;
    }

    /// <summary>After the commit: the files nobody uses any more go, so their URLs answer 404 at once.</summary>
    public async Task CommittedAsync(CancellationToken cancellationToken)
    {
        foreach (var key in _replaced.Distinct(StringComparer.Ordinal))
        {
            // Translations of the demo content share files under one key, each with a picture row of its own.
            if (!await db.Images.AnyAsync(i => i.StorageKey == key, cancellationToken))
            {
                images.Delete(key);
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

    /// <summary>The picture row goes with the article's reference to it, unless another article still shows it.</summary>
    private async Task DropAsync(Article article, Image? previous, CancellationToken cancellationToken)
    {
        if (previous is null)
        {
            return;
        }

        _replaced.Add(previous.StorageKey);
        if (!await db.Articles.AnyAsync(a => a.LeadImageId == previous.Id && a.Id != article.Id, cancellationToken))
        {
            db.Images.Remove(previous);
        }
    }
}
