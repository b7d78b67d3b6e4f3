using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Hosting;

/// <summary>One line per request that went wrong reaches the logs; successful requests stay at Debug, below the default level.</summary>
[Collection(InstrumentedSiteCollection.Name)]
public class RequestLoggingTests(InstrumentedSiteFactory factory)
{
    [Fact]
    public async Task ANotFoundRequestIsLoggedAtInformation()
    {
        var response = await factory.CreateReader().GetAsync(new Uri("/en/s/no-such-section-logged", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        // Through this provider Serilog quotes the values ("GET", "/en/…"); the console and the file do not.
        Assert.Contains(factory.Lines.Entries, line =>
            line.StartsWith("Information Serilog.AspNetCore.RequestLoggingMiddleware: HTTP ", StringComparison.Ordinal)
            && line.Contains("/en/s/no-such-section-logged", StringComparison.Ordinal)
            && line.Contains("responded 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASuccessfulRequestIsNotLoggedByDefault()
    {
        var response = await factory.CreateReader().GetAsync(new Uri("/en/s/world?logged=no", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(factory.Lines.Entries, line => line.Contains("/en/s/world", StringComparison.Ordinal));
    }
}
