using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>
/// The URL names the resource an action changes. ASP.NET Core binds form values before route values,
/// so without <c>[FromRoute]</c> a body field named like the route parameter (<c>Id=1</c> posted to
/// <c>/editor/articles/42</c>) would redirect the change to another resource.
/// </summary>
[Collection(EditorAreaCollection.Name)]
public class RouteIdTests(EditorAreaFactory factory)
{
    [Fact]
    public void EveryActionParameterNamedInItsRouteBindsFromTheRouteOnly()
    {
        var unguarded = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: e.RoutePattern, Action: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Where(e => e.Action is not null)
            .SelectMany(e => e.Action!.Parameters
                .Where(p => e.Route.GetParameter(p.Name) is not null && p.BindingInfo?.BindingSource != BindingSource.Path)
                .Select(p => $"{e.Action!.ControllerName}.{e.Action.ActionName}({p.Name})"))
            .Distinct()
            .ToList();

        Assert.Empty(unguarded);
    }

    private Task<Article> ArticleAsync(string headline) =>
        factory.QueryAsync(db => db.Articles.Include(a => a.Corrections).SingleAsync(a => a.Headline == headline));

    private async Task<(Article Target, Article Other)> TwoArticlesAsync(EditorSession editor, string command)
    {
        var target = $"Route target {Guid.NewGuid():N}";
        var other = $"Body-named other {Guid.NewGuid():N}";
        await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", ArticleWorkflowTests.Fields(target, command));
        await editor.PostFormAsync("/editor/articles/new?edition=en", "form.editor-form", ArticleWorkflowTests.Fields(other, command));
        return (await ArticleAsync(target), await ArticleAsync(other));
    }

    [Fact]
    public async Task ArticleUpdate_ChangesTheArticleInTheUrlNotTheOneNamedInTheBody()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var (target, other) = await TwoArticlesAsync(editor, "Save");
        Assert.Equal(target.Version, other.Version);

        var response = await editor.PostFormAsync($"/editor/articles/{target.Id}", "form.editor-form", new()
        {
            ["Id"] = other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Headline"] = target.Headline + " (edited)",
            ["command"] = "Save",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/editor/articles/{target.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(other.Headline, (await factory.QueryAsync(db => db.Articles.SingleAsync(a => a.Id == other.Id))).Headline);
        Assert.Equal(target.Headline + " (edited)", (await factory.QueryAsync(db => db.Articles.SingleAsync(a => a.Id == target.Id))).Headline);
    }

    [Fact]
    public async Task Correction_AppearsOnTheArticleInTheUrlNotTheOneNamedInTheBody()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var (target, other) = await TwoArticlesAsync(editor, "Publish");
        var text = $"An earlier version gave the wrong date {Guid.NewGuid():N}.";

        var response = await editor.PostFormAsync($"/editor/articles/{target.Id}", "form[action$='/corrections']", new()
        {
            ["text"] = text,
            ["id"] = other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty((await ArticleAsync(other.Headline)).Corrections);
        Assert.Contains((await ArticleAsync(target.Headline)).Corrections, c => c.Text == text);
    }

    [Fact]
    public async Task Restore_RestoresTheArticleAndRevisionInTheUrlNotTheOnesNamedInTheBody()
    {
        var editor = await EditorSession.SignInAsync(factory, NewsroomRoles.Editor);
        var (target, other) = await TwoArticlesAsync(editor, "Save");
        await editor.PostFormAsync($"/editor/articles/{target.Id}", "form.editor-form", new() { ["Body"] = "Target, second wording." });
        await editor.PostFormAsync($"/editor/articles/{other.Id}", "form.editor-form", new() { ["Body"] = "Other, second wording." });
        var targetFirst = await factory.QueryAsync(db => db.Revisions.Where(r => r.ArticleId == target.Id).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var otherFirst = await factory.QueryAsync(db => db.Revisions.Where(r => r.ArticleId == other.Id).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());

        var response = await editor.PostFormAsync($"/editor/articles/{target.Id}/revisions/{targetFirst}", "form[action$='/restore']", new()
        {
            ["id"] = other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["revisionId"] = otherFirst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Other, second wording.", (await ArticleAsync(other.Headline)).BodyMarkdown);
        Assert.NotEqual("Target, second wording.", (await ArticleAsync(target.Headline)).BodyMarkdown);
    }

    [Fact]
    public async Task SetupRenameSection_RenamesTheSectionInTheUrlNotTheOneNamedInTheBody()
    {
        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin);
        var targetSlug = $"route-{Guid.NewGuid():N}"[..14];
        var otherSlug = $"body-{Guid.NewGuid():N}"[..13];
        await admin.PostFormAsync("/editor/setup", "form[action='/editor/setup/sections']", new() { ["Edition"] = "uk", ["Name"] = "Ціль", ["Slug"] = targetSlug });
        await admin.PostFormAsync("/editor/setup", "form[action='/editor/setup/sections']", new() { ["Edition"] = "uk", ["Name"] = "Інша", ["Slug"] = otherSlug });
        var target = await factory.QueryAsync(db => db.Sections.SingleAsync(s => s.Slug == targetSlug));
        var other = await factory.QueryAsync(db => db.Sections.SingleAsync(s => s.Slug == otherSlug));

        var response = await admin.PostFormAsync("/editor/setup", $"form[action='/editor/setup/sections/{target.Id}/rename']", new()
        {
            ["name"] = "Перейменована",
            ["id"] = other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Інша", await factory.QueryAsync(db => db.Sections.Where(s => s.Id == other.Id).Select(s => s.Name).SingleAsync()));
        Assert.Equal("Перейменована", await factory.QueryAsync(db => db.Sections.Where(s => s.Id == target.Id).Select(s => s.Name).SingleAsync()));
    }

    [Fact]
    public async Task UsersDisable_DisablesTheAccountInTheUrlNotTheOneNamedInTheBody()
    {
        var admin = await EditorSession.SignInAsync(factory, NewsroomRoles.Admin);
        var targetEmail = await EditorSession.CreateUserAsync(factory, NewsroomRoles.Writer);
        var otherEmail = await EditorSession.CreateUserAsync(factory, NewsroomRoles.Writer);
        var (targetId, otherId) = await IdsAsync(targetEmail, otherEmail);

        var response = await admin.PostFormAsync("/editor/users", $"form[action='/editor/users/{targetId}/disable']", new() { ["id"] = otherId });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Users.Where(u => u.Id == otherId).Select(u => u.IsDisabled).SingleAsync()));
        Assert.True(await factory.QueryAsync(db => db.Users.Where(u => u.Id == targetId).Select(u => u.IsDisabled).SingleAsync()));
    }

    private async Task<(string, string)> IdsAsync(string first, string second)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>();
        return ((await users.FindByEmailAsync(first))!.Id, (await users.FindByEmailAsync(second))!.Id);
    }
}
