using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;

namespace NewsPortal.Web.Features.Newsroom;

/// <summary>Changes a source's names, kind and address; its code stays, so links to its page keep working.</summary>
public sealed class UpdateSource(NewsPortalDbContext db, AuditTrail audit)
{
    public async Task<NewsroomChange> ExecuteAsync(string code, NewSourceForm form, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Code == code, cancellationToken);
        if (source is null)
        {
            return NewsroomChange.NotFound;
        }

        var url = form.Address(out var acceptable);
        if (!acceptable)
        {
            return NewsroomChange.Refuse(new Notice("Setup.Problem.SourceUrlNotHttps"));
        }

        source.Update(form.ShortName, form.FullName, form.Kind, url);
        var entry = audit.Add(AuditActions.SourceUpdated, actor, $"source {code}", $"{source.ShortName} ({source.FullName}), {source.Kind}");
        await db.SaveChangesAsync(cancellationToken);
        audit.Committed(entry);
        return NewsroomChange.Succeed(new Notice("Setup.Done.SourceUpdated", source.ShortName));
    }
}
