using System.ComponentModel.DataAnnotations;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.People;

/// <summary>A person's name and bio in one edition, as the people form posts them.</summary>
public sealed class ProfileForm
{
    public string Edition { get; set; } = "";

    [StringLength(Person.NameMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Name { get; set; }

    [StringLength(Person.BioMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Bio { get; set; }
}

/// <summary>What the people form posts. Every field has a visible label in the view.</summary>
public sealed class PersonForm
{
    /// <summary>The version the editor started from; a save against a newer version is a conflict.</summary>
    public int Version { get; set; }

    [Required(ErrorMessage = "People.Validation.LatinNameRequired")]
    [StringLength(Person.NameMaxLength, ErrorMessage = "Validation.TooLong")]
    public string LatinName { get; set; } = "";

    [StringLength(Slugs.MaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Slug { get; set; }

    public bool IsPenName { get; set; }

    [StringLength(Person.NameMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? RealName { get; set; }

    /// <summary>The newsroom account the person signs in with, if any.</summary>
    public string? UserId { get; set; }

    public List<ProfileForm> Profiles { get; set; } = [];

    [StringLength(500, ErrorMessage = "Validation.TooLong")]
    public string? PhotoAltText { get; set; }

    public bool RemovePhoto { get; set; }
}
