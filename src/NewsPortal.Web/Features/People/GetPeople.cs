using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editions;

namespace NewsPortal.Web.Features.People;

/// <summary>One line of the newsroom's list of people.</summary>
public sealed record PersonRow(int Id, string LatinName, string Slug, bool IsPenName, IReadOnlyList<string> Names, int Stories);

/// <summary>A newsroom account a person can be linked to.</summary>
public sealed record AccountOption(string Id, string Label);

/// <summary>The people form: the person (null for a new one), what was typed, the editions and the accounts to choose from.</summary>
public sealed record PersonFormPage(int? Id, PersonForm Form, IReadOnlyList<EditionView> Editions, IReadOnlyList<AccountOption> Accounts, string? PhotoSrc, IReadOnlyList<string> Problems);

/// <summary>The editors' list of people and the form to add or change one.</summary>
public sealed class GetPeople(NewsPortalDbContext db, EditionCatalog editions)
{
    public async Task<IReadOnlyList<PersonRow>> ListAsync(CancellationToken cancellationToken) =>
        await db.People.AsNoTracking().OrderBy(p => p.LatinName)
            .Select(p => new PersonRow(
                p.Id, p.LatinName, p.Slug, p.IsPenName,
                p.Profiles.OrderBy(x => x.EditionId).Select(x => x.DisplayName).ToList(),
                db.ArticleContributors.Where(c => c.PersonId == p.Id).Select(c => c.ArticleId).Distinct().Count()))
            .ToListAsync(cancellationToken);

    /// <summary>The form of person <paramref name="id"/> as stored; null when there is no such person.</summary>
    public async Task<PersonForm?> FormAsync(int id, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Include(p => p.Profiles).Include(p => p.Photo).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return person is null ? null : new PersonForm
        {
            Version = person.Version,
            LatinName = person.LatinName,
            Slug = person.Slug,
            IsPenName = person.IsPenName,
            RealName = person.RealName,
            UserId = person.UserId,
            PhotoAltText = person.Photo?.AltText,
            Profiles = [.. editions.All.Select(e => person.Profiles.FirstOrDefault(p => p.EditionId == e.Id) is { } profile
                ? new ProfileForm { Edition = e.Code, Name = profile.DisplayName, Bio = profile.Bio }
                : new ProfileForm { Edition = e.Code })],
        };
    }

    public static PersonForm NewForm(EditionCatalog editions) => new() { Profiles = [.. editions.All.Select(e => new ProfileForm { Edition = e.Code })] };

    public async Task<PersonFormPage> PageAsync(int? id, PersonForm form, IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        // Every edition has its row, in catalog order, whatever was posted.
        form.Profiles = [.. editions.All.Select(e => form.Profiles.FirstOrDefault(p => p.Edition == e.Code) ?? new ProfileForm { Edition = e.Code })];
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new AccountOption(u.Id, u.DisplayName + " <" + u.Email + ">"))
            .ToListAsync(cancellationToken);
        var photo = id is null ? null : await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.Photo).FirstOrDefaultAsync(cancellationToken);
        return new PersonFormPage(id, form, editions.All, accounts, photo is null ? null : $"/media/{Image.RenditionFileName(photo.StorageKey, photo.AvailableWidths[0])}", problems);
    }
}
