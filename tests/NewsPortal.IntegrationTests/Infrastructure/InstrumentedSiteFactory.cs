using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsPortal.Tests.Shared;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The real application with what it does recorded: every SQL command EF Core sends, with the path of
/// the request that sent it, and every line it logs at Information and above. Its tests add hundreds
/// of articles, so it has a database of its own and the reader tests keep their exact counts. Pages
/// are measured as they cost when the output cache misses.
/// </summary>
public sealed class InstrumentedSiteFactory : NewsPortalFactory
{
    public SqlCommandLog Commands { get; } = new();

    public CapturedLogs Lines { get; } = new(LogLevel.Information);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OutputCache:Enabled"] = "false",
            // The most-read lists stay in memory for the whole run: pages are measured as nearly every request finds them.
            ["Reads:MostReadRefreshSeconds"] = "3600",
        }));
        builder.ConfigureLogging(logging => logging.AddProvider(Lines));
        // The app's context takes every registered interceptor.
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(
            sp => new RequestCommandRecorder(Commands, sp.GetRequiredService<IHttpContextAccessor>())));
    }
}

[CollectionDefinition(Name)]
public sealed class InstrumentedSiteCollection : ICollectionFixture<InstrumentedSiteFactory>
{
    public const string Name = "Instrumented site";
}

/// <summary>The SQL commands sent while serving requests, by request path (startup, seeding and test set-up are left out).</summary>
public sealed class SqlCommandLog
{
    private readonly ConcurrentQueue<(string Path, string Sql)> _commands = new();

    public void Add(string path, string sql) => _commands.Enqueue((path, sql));

    public void Clear() => _commands.Clear();

    public IReadOnlyList<string> SentFor(string path) => [.. _commands.Where(c => c.Path == path).Select(c => c.Sql)];
}

internal sealed class RequestCommandRecorder(SqlCommandLog log, IHttpContextAccessor requests) : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (requests.HttpContext is { } context)
        {
            log.Add(context.Request.Path + context.Request.QueryString, command.CommandText);
        }
    }
}
