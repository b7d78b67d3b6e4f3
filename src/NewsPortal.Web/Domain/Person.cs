namespace NewsPortal.Web.Domain;

/// <summary>What a person did for a story; the byline names roles in this order.</summary>
public enum ContributorRole
{
    Writing = 0,
    Reporting = 1,
    Translation = 2,
    Photo = 3,
    Video = 4,
    Editing = 5,
}

/// <summary>
/// Someone credited on stories: a journalist, translator or photographer. Readers know a person by a
/// display name and short bio per edition; colleagues in other editions by the Latin-script name.
/// A pen name is a person of its own: readers only ever see the pen name, never <see cref="RealName"/>,
/// the linked account, or anything that ties it to another pen name of the same journalist.
/// </summary>
public class Person
{
    public const int NameMaxLength = 120;
    public const int BioMaxLength = 1000;
    public const int NoteMaxLength = 500;

    private Person()
    {
    }

    public Person(string latinName, string slug, bool isPenName, DateTime createdAt)
    {
        SetLatinName(latinName);
        SetSlug(slug);
        IsPenName = isPenName;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    /// <summary>The author page's address in every edition: <c>/{edition}/author/{slug}</c>.</summary>
    public string Slug { get; private set; } = "";

    /// <summary>The name in Latin script, for colleagues in every edition and where an edition has no name of its own.</summary>
    public string LatinName { get; private set; } = "";

    /// <summary>When true, this person is a pen name: nothing public ever shows who is behind it.</summary>
    public bool IsPenName { get; set; }

    /// <summary>For a pen name: who writes under it, for the newsroom only. Never on a public page, feed or export.</summary>
    public string? RealName { get; private set; }

    /// <summary>The newsroom account this person signs in with, if any. Never public.</summary>
    public string? UserId { get; set; }

    public int? PhotoImageId { get; set; }

    public Image? Photo { get; set; }

    public DateTime CreatedAt { get; private set; }

    public List<PersonProfile> Profiles { get; private set; } = [];

    /// <summary>Optimistic concurrency token: bumped on every change, checked on every save.</summary>
    public int Version { get; private set; }

    public void SetLatinName(string latinName)
    {
        LatinName = string.IsNullOrWhiteSpace(latinName)
            ? throw new ArgumentException("A person has a name in Latin script.", nameof(latinName))
            : latinName.Trim();
    }

    public void SetSlug(string slug)
    {
        Slug = Slugs.IsValid(slug) ? slug : throw new ArgumentException("The address is not a valid slug.", nameof(slug));
    }

    public void SetRealName(string? realName) => RealName = string.IsNullOrWhiteSpace(realName) ? null : realName.Trim();

    /// <summary>The name readers of <paramref name="editionId"/> see: the edition's own, else the Latin-script name.</summary>
    public string NameIn(int editionId) => Profiles.FirstOrDefault(p => p.EditionId == editionId)?.DisplayName ?? LatinName;

    /// <summary>Sets (or, with an empty name and bio, removes) the person's name and bio in one edition.</summary>
    public void SetProfile(int editionId, string? displayName, string? bio)
    {
        var profile = Profiles.FirstOrDefault(p => p.EditionId == editionId);
        if (string.IsNullOrWhiteSpace(displayName) && string.IsNullOrWhiteSpace(bio))
        {
            if (profile is not null)
            {
                Profiles.Remove(profile);
            }

            return;
        }

        var name = string.IsNullOrWhiteSpace(displayName) ? LatinName : displayName.Trim();
        if (profile is null)
        {
            Profiles.Add(new PersonProfile(editionId, name, bio?.Trim() ?? ""));
        }
        else
        {
            profile.Change(name, bio?.Trim() ?? "");
        }
    }

    public void Touch() => Version++;
}

/// <summary>A person as one edition's readers know them: name in the edition's script and a short bio.</summary>
public class PersonProfile
{
    private PersonProfile()
    {
    }

    public PersonProfile(int editionId, string displayName, string bio)
    {
        EditionId = editionId;
        DisplayName = displayName;
        Bio = bio;
    }

    public int PersonId { get; private set; }

    public int EditionId { get; private set; }

    public string DisplayName { get; private set; } = "";

    public string Bio { get; private set; } = "";

    public void Change(string displayName, string bio)
    {
        DisplayName = displayName;
        Bio = bio;
    }
}

/// <summary>A person credited on an article, with their role, in byline order.</summary>
public class ArticleContributor
{
    private ArticleContributor()
    {
    }

    public ArticleContributor(int personId, ContributorRole role, int order)
    {
        PersonId = personId;
        Role = role;
        Order = order;
    }

    public int ArticleId { get; private set; }

    public int PersonId { get; private set; }

    public Person Person { get; private set; } = null!;

    public ContributorRole Role { get; private set; }

    public int Order { get; private set; }
}

/// <summary>A person credited on a live update, with their role, in byline order.</summary>
public class LiveUpdateContributor
{
    private LiveUpdateContributor()
    {
    }

    public LiveUpdateContributor(int personId, ContributorRole role, int order)
    {
        PersonId = personId;
        Role = role;
        Order = order;
    }

    public long LiveUpdateId { get; private set; }

    public int PersonId { get; private set; }

    public Person Person { get; private set; } = null!;

    public ContributorRole Role { get; private set; }

    public int Order { get; private set; }
}
