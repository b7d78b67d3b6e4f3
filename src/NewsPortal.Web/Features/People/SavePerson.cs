using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Content.Media;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Editing;
using NewsPortal.Web.Features.Editions;

namespace NewsPortal.Web.Features.People;

/// <summary>How a save of the people form ended.</summary>
public enum PersonSaveOutcome
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
    TooLarge,
}

public sealed record PersonSaveResult(PersonSaveOutcome Outcome, int? Id, IReadOnlyList<Notice> Problems)
{
    public static PersonSaveResult Fail(PersonSaveOutcome outcome, params Notice[] problems) => new(outcome, null, problems);
}

/// <summary>
/// Adds or changes a person: names and bios per edition, the address of their author page, the pen-name flag, the
/// account they sign in with and their photo. Names are published, so none may look like an e-mail address or be a
/// newsroom account's sign-in name; a pen name never has a photo, and its real name is kept for the newsroom only.
/// The person, the photo and the audit entry commit together; a stored photo file is deleted if they do not.
/// </summary>
public sealed class SavePerson(NewsPortalDbContext db, EditionCatalog editions, ImageRenditionWriter images, AuditTrail audit, TimeProvider time)
{
    public async Task<PersonSaveResult> ExecuteAsync(int? id, PersonForm form, IFormFile? photo, string actor, CancellationToken cancellationToken)
    {
        Person? person = null;
        if (id is { } existingId)
        {
            person = await db.People.Include(p => p.Profiles).Include(p => p.Photo).FirstOrDefaultAsync(p => p.Id == existingId, cancellationToken);
            if (person is null)
            {
                return PersonSaveResult.Fail(PersonSaveOutcome.NotFound);
            }

            if (person.Version != form.Version)
            {
                return PersonSaveResult.Fail(PersonSaveOutcome.Conflict, new Notice("People.Problem.ChangedMeanwhile"));
            }
        }

        var problems = new List<Notice>();
        var names = form.Profiles.Select(p => p.Name).Append(form.LatinName).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).ToList();
        foreach (var name in names.Distinct())
        {
            if (await IsAddressAsync(name, cancellationToken))
            {
                problems.Add(new Notice("People.Problem.NameIsAddress", name));
            }
        }

        var slug = string.IsNullOrWhiteSpace(form.Slug) ? Slugs.From(form.LatinName, SlugPolicy.Transliterate) : form.Slug.Trim();
        if (!Slugs.IsValid(slug))
        {
            problems.Add(new Notice("People.Problem.SlugShape"));
        }
        else if (await db.People.AnyAsync(p => p.Slug == slug && p.Id != (id ?? 0), cancellationToken))
        {
            problems.Add(new Notice("People.Problem.SlugTaken", slug));
        }

        if (form.IsPenName && photo is { Length: > 0 })
        {
            problems.Add(new Notice("People.Problem.PenNamePhoto"));
        }

        if (photo is { Length: > 0 } && string.IsNullOrWhiteSpace(form.PhotoAltText))
        {
            problems.Add(new Notice("People.Problem.PhotoAltText"));
        }

        if (!string.IsNullOrWhiteSpace(form.RealName) && !form.IsPenName)
        {
            problems.Add(new Notice("People.Problem.RealNameOnlyForPenNames"));
        }

        if (!string.IsNullOrWhiteSpace(form.UserId) && !await db.Users.AnyAsync(u => u.Id == form.UserId, cancellationToken))
        {
            problems.Add(new Notice("People.Problem.UnknownAccount"));
        }

        if (form.Profiles.Any(p => editions.Find(p.Edition) is null))
        {
            problems.Add(new Notice("People.Problem.UnknownEdition"));
        }

        if (problems.Count > 0)
        {
            return new PersonSaveResult(PersonSaveOutcome.Invalid, null, problems);
        }

        StoredImage? stored = null;
        try
        {
            if (photo is { Length: > 0 })
            {
                stored = UploadedImage.Store(photo, images, 0.5, 0.5);
            }
        }
        catch (ImageRejectedException rejected)
        {
            return PersonSaveResult.Fail(rejected.TooLarge ? PersonSaveOutcome.TooLarge : PersonSaveOutcome.Invalid, new Notice(rejected.Key, rejected.Arguments));
        }

        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var added = person is null;
            person ??= db.People.Add(new Person(form.LatinName, slug, form.IsPenName, now)).Entity;
            person.SetLatinName(form.LatinName);
            person.SetSlug(slug);
            person.IsPenName = form.IsPenName;
            person.SetRealName(form.IsPenName ? form.RealName : null);
            person.UserId = string.IsNullOrWhiteSpace(form.UserId) ? null : form.UserId;
            if (form.IsPenName || form.RemovePhoto)
            {
                person.Photo = null;
                person.PhotoImageId = null;
            }

            if (stored is not null)
            {
                var image = new Image(stored.StorageKey, stored.Width, stored.Height, now);
                image.Describe(form.PhotoAltText, decorative: false);
                person.Photo = image;
            }
            else if (person.Photo is { } kept && !string.IsNullOrWhiteSpace(form.PhotoAltText))
            {
                kept.Describe(form.PhotoAltText, decorative: false);
            }

            foreach (var profile in form.Profiles)
            {
                person.SetProfile(editions.Find(profile.Edition)!.Id, profile.Name, profile.Bio);
            }

            person.Touch();
            await db.SaveChangesAsync(cancellationToken);
            // The audit names the person as colleagues know them; a pen name's real name is never written to it.
            var entry = audit.Add(added ? AuditActions.PersonAdded : AuditActions.PersonUpdated, actor, $"person {person.Id} “{person.LatinName}”", person.IsPenName ? "pen name" : null);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            audit.Committed(entry);
            return new PersonSaveResult(PersonSaveOutcome.Saved, person.Id, []);
        }
        catch
        {
            if (stored is not null)
            {
                images.Delete(stored.StorageKey);
            }

            throw;
        }
    }

    /// <summary>True when the name is, or looks like, an address: shaped like e-mail, or a newsroom account's sign-in name.</summary>
    private async Task<bool> IsAddressAsync(string name, CancellationToken cancellationToken)
    {
        if (PublicByline.ContainsEmailAddress(name))
        {
            return true;
        }

        var normalized = name.ToUpperInvariant();
        return await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, cancellationToken);
    }
}
