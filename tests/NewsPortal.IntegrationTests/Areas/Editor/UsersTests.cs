using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>Admins create accounts on the Users page: the account, its role and the audit entry, or nothing.</summary>
[Collection(EditorAreaCollection.Name)]
public class UsersTests(EditorAreaFactory factory)
{
    [Fact]
    public async Task AnAdminCreatesAWriterWithARoleAndAnAuditEntry()
    {
        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin);
        var email = $"new-writer-{Guid.NewGuid():N}@newsroom.test";

        var response = await admin.PostFormAsync("/editor/users", "form[action='/editor/users']", new() { ["Email"] = email, ["DisplayName"] = "Mina Rahimi", ["Role"] = NewsroomRoles.Writer });
        var page = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("One-time password (shown only now)", page.QuerySelector("[role='status']")!.TextContent, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.Equal("Mina Rahimi", user!.DisplayName);
        Assert.Equal([NewsroomRoles.Writer], await users.GetRolesAsync(user));
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == AuditActions.UserCreated && a.Target == email && a.Actor == admin.Email)));
    }

    [Fact]
    public async Task ATakenAddressIsRefusedAndNothingIsRecorded()
    {
        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin);
        var existing = await EditorSession.CreateUserAsync(factory, NewsroomRoles.Writer);

        var response = await admin.PostFormAsync("/editor/users", "form[action='/editor/users']", new() { ["Email"] = existing, ["DisplayName"] = "Someone Else", ["Role"] = NewsroomRoles.Editor });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == AuditActions.UserCreated && a.Target == existing)));
    }
}
