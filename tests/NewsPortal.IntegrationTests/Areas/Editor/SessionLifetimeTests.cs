using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Areas.Editor;

/// <summary>The editor session ends after 30 idle minutes, and after 12 hours however busy the editor is.</summary>
[Collection(EditorAreaCollection.Name)]
public class SessionLifetimeTests(EditorAreaFactory factory)
{
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }

    private async Task<(EditorSession Session, ShiftedClock Clock, WebApplicationFactory<Program> Host)> SignInWithClockAsync()
    {
        var clock = new ShiftedClock();
        var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var email = await EditorSession.CreateUserAsync(factory, NewsroomRoles.Writer);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true });
        var session = new EditorSession(client, email);
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(email, EditorSession.Password)).StatusCode);
        return (session, clock, host);
    }

    [Fact]
    public async Task ThirtyIdleMinutesEndTheSession()
    {
        var (session, clock, host) = await SignInWithClockAsync();
        await using var _ = host;
        clock.Offset = TimeSpan.FromMinutes(29);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);

        clock.Offset += TimeSpan.FromMinutes(31);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TwelveHoursEndTheSessionEvenWhenItIsInUse()
    {
        var (session, clock, host) = await SignInWithClockAsync();
        await using var _ = host;
        while (clock.Offset < TimeSpan.FromHours(11.5))
        {
            clock.Offset += TimeSpan.FromMinutes(20);
            Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);
        }

        clock.Offset = TimeSpan.FromHours(12) + TimeSpan.FromMinutes(5);
        var response = await session.Client.GetAsync(new Uri("/editor", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/editor/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingThePasswordDoesNotRenewTheTwelveHourLimit()
    {
        var (session, clock, host) = await SignInWithClockAsync();
        await using var _ = host;
        while (clock.Offset < TimeSpan.FromHours(11.5))
        {
            clock.Offset += TimeSpan.FromMinutes(20);
            Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);
        }

        var changed = await session.PostFormAsync("/editor/account/password", "form[action='/editor/account/password']", new()
        {
            ["CurrentPassword"] = EditorSession.Password,
            ["NewPassword"] = "another long newsroom pass phrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);

        clock.Offset = TimeSpan.FromHours(12) + TimeSpan.FromMinutes(5);
        var response = await session.Client.GetAsync(new Uri("/editor", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/editor/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
