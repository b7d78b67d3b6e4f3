using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Localization;

namespace NewsPortal.Web.Features.Accounts;

public enum LanguageChoice
{
    Chosen = 0,
    NotOffered = 1,
    SignedOut = 2,
}

/// <summary>
/// A person sets the language of their editor interface. Only a language the interface is translated into is
/// accepted; the choice and its audit entry commit together, and the next page is in that language.
/// </summary>
public sealed class ChooseInterfaceLanguage(NewsPortalDbContext db, UserManager<NewsroomUser> users, InterfaceLanguages languages, AuditTrail audit)
{
    public async Task<LanguageChoice> ExecuteAsync(ClaimsPrincipal person, string? culture, CancellationToken cancellationToken)
    {
        if (languages.Find(culture) is not { } language)
        {
            return LanguageChoice.NotOffered;
        }

        if (await users.GetUserAsync(person) is not { } user)
        {
            return LanguageChoice.SignedOut;
        }

        var before = user.InterfaceCulture;
        user.InterfaceCulture = language.Name == languages.Default.Name ? null : language.Name;
        var entry = audit.Add(AuditActions.InterfaceLanguageChosen, user.UserName, user.UserName, $"{before ?? languages.Default.Name} → {language.Name}");
        await db.SaveChangesAsync(cancellationToken);
        audit.Committed(entry);
        return LanguageChoice.Chosen;
    }
}
