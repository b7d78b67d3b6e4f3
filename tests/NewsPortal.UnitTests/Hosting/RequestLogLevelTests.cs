using NewsPortal.Web.Hosting;
using Serilog.Events;

namespace NewsPortal.UnitTests.Hosting;

public class RequestLogLevelTests
{
    [Theory]
    [InlineData(200)]
    [InlineData(301)]
    [InlineData(304)]
    public void SuccessfulAndRedirectedRequestsAreDebug(int status) =>
        Assert.Equal(LogEventLevel.Debug, LoggingExtensions.RequestLevel(status, null, clientAborted: false));

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(429)]
    public void ClientErrorsAreInformation(int status) =>
        Assert.Equal(LogEventLevel.Information, LoggingExtensions.RequestLevel(status, null, clientAborted: false));

    [Fact]
    public void ServerErrorsAndExceptionsAreErrors()
    {
        Assert.Equal(LogEventLevel.Error, LoggingExtensions.RequestLevel(500, null, clientAborted: false));
        Assert.Equal(LogEventLevel.Error, LoggingExtensions.RequestLevel(200, new InvalidOperationException(), clientAborted: false));
        Assert.Equal(LogEventLevel.Error, LoggingExtensions.RequestLevel(500, new OperationCanceledException(), clientAborted: false));
    }

    [Fact]
    public void ARequestTheClientAbandonedIsNotAServerError() =>
        Assert.Equal(LogEventLevel.Information, LoggingExtensions.RequestLevel(500, new TaskCanceledException(), clientAborted: true));
}
