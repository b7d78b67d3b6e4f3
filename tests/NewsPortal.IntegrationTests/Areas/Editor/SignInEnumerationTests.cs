using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>The sign-in page tells a stranger nothing about which addresses have an account: not by its words, nor by its work.</summary>
[Collection(EditorAreaCollection.Name)]
public class SignInEnumerationTests(EditorAreaFactory factory)
{
    /// <summary>The site's password hasher, counting how many passwords it checked.</summary>
    private sealed class CountingHasher(IPasswordHasher<NewsroomUser> inner) : IPasswordHasher<NewsroomUser>
    {
        public int Checks;

        public string HashPassword(NewsroomUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(NewsroomUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Checks);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("main")?.TextContent ?? "";

    [Fact]
    public async Task AnUnknownAddressReadsAsAWrongPasswordAndLocksAfterAsManyFailures()
    {
        var known = await EditorSession.CreateUserAsync(factory, NewsroomRoles.Writer);
        var unknown = $"nobody-{Guid.NewGuid():N}@newsroom.example";
        var session = new EditorSession(EditorSession.NewClient(factory));
        var knownAnswers = new List<string>();
        var unknownAnswers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var knownResponse = await session.SignInAsync(known, "not the password at all");
            var unknownResponse = await session.SignInAsync(unknown, "not the password at all");
            Assert.Equal(knownResponse.StatusCode, unknownResponse.StatusCode);
            knownAnswers.Add((await ProblemAsync(knownResponse)).Replace(known, "", StringComparison.Ordinal));
            unknownAnswers.Add((await ProblemAsync(unknownResponse)).Replace(unknown, "", StringComparison.Ordinal));
        }

        Assert.Equal(knownAnswers, unknownAnswers);
        Assert.Contains("locked", unknownAnswers[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("locked", unknownAnswers[0], StringComparison.Ordinal);
        Assert.Contains(AuditActions.LockedOut, await factory.QueryAsync(db => db.AuditLog.Where(a => a.Actor == unknown).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task AnUnknownAddressCostsTheSamePasswordCheckAsAKnownOne()
    {
        CountingHasher? hasher = null;
        await using var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            var descriptor = s.Last(d => d.ServiceType == typeof(IPasswordHasher<NewsroomUser>));
            s.AddSingleton<IPasswordHasher<NewsroomUser>>(sp => hasher ??= new CountingHasher((IPasswordHasher<NewsroomUser>)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!)));
        }));
        var known = await EditorSession.CreateUserAsync(factory, NewsroomRoles.Writer);
        var session = new EditorSession(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true }));

        await session.SignInAsync(known, "not the password at all");
        var afterKnown = hasher!.Checks;
        await session.SignInAsync($"nobody-{Guid.NewGuid():N}@newsroom.example", "not the password at all");

        Assert.Equal(1, afterKnown);
        Assert.Equal(2, hasher.Checks);
    }
}
