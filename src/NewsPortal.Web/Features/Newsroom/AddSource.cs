using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;

namespace NewsPortal.Web.Features.Newsroom;

/// <summary>A source as the setup page's forms post it (a new one, or the names, kind and address of one).</summary>
public sealed class NewSourceForm
{
    [Required(ErrorMessage = "Validation.SourceCodeRequired")]
    [StringLength(40, ErrorMessage = "Validation.TooLong")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Validation.ShortNameRequired")]
    [StringLength(60, ErrorMessage = "Validation.TooLong")]
    public string ShortName { get; set; } = "";

    [Required(ErrorMessage = "Validation.FullNameRequired")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    public string FullName { get; set; } = "";

    public SourceKind Kind { get; set; }

    [Url(ErrorMessage = "Validation.HttpsAddress")]
    [StringLength(400, ErrorMessage = "Validation.TooLong")]
    public string? Url { get; set; }

    /// <summary>The address as a URI when it is one an article may link to (https), else null with <paramref name="acceptable"/> false.</summary>
    internal Uri? Address(out bool acceptable)
    {
        if (string.IsNullOrWhiteSpace(Url))
        {
            acceptable = true;
            return null;
        }

        acceptable = Uri.TryCreate(Url.Trim(), UriKind.Absolute, out var uri) && Source.IsAcceptableUrl(uri);
        return acceptable ? uri : null;
    }
}

/// <summary>Adds a source articles can credit; its code is its address on the reader site.</summary>
public sealed class AddSource(NewsPortalDbContext db, AuditTrail audit)
{
    public async Task<NewsroomChange> ExecuteAsync(NewSourceForm form, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var code = form.Code.Trim().ToLowerInvariant();
        if (!Slugs.IsValid(code))
        {
            return NewsroomChange.Refuse(new Notice("Setup.Problem.SourceCodeShape"));
        }

        if (await db.Sources.AnyAsync(s => s.Code == code, cancellationToken))
        {
            return NewsroomChange.Refuse(new Notice("Setup.Problem.SourceExists", code));
        }

        var url = form.Address(out var acceptable);
        if (!acceptable)
        {
            return NewsroomChange.Refuse(new Notice("Setup.Problem.SourceUrlNotHttps"));
        }

        var source = new Source(code, form.ShortName, form.FullName, form.Kind, url);
        db.Sources.Add(source);
        var entry = audit.Add(AuditActions.SourceAdded, actor, $"source {code}", $"{source.ShortName} ({source.FullName}), {source.Kind}");
        await db.SaveChangesAsync(cancellationToken);
        audit.Committed(entry);
        return NewsroomChange.Succeed(new Notice("Setup.Done.SourceAdded", source.ShortName));
    }
}
