using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsPortal.Web.Data;

namespace NewsPortal.Web.Hosting;

internal static class HealthCheckExtensions
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddNewsPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag]);
        return services;
    }

    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: the database can serve readers.</summary>
    public static IEndpointRouteBuilder MapNewsPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        // Probes read: GET and HEAD only, any other verb is a 405.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteJson })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])).AllowAnonymous();
        return endpoints;
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

/// <summary>Ready when the database answers, every migration is applied and it runs in WAL mode.</summary>
internal sealed class DatabaseReadyCheck(NewsPortalDbContext db, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be opened.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            var journal = await SqliteJournal.CurrentModeAsync(db, cancellationToken);
            var data = new Dictionary<string, object>
            {
                ["pendingMigrations"] = pending.Count,
                ["journalMode"] = journal,
            };
            if (pending.Count == 0 && await Features.Editing.PublishDueArticles.OldestOverdueAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken) is { } overdue)
            {
                data["oldestOverdueScheduledAt"] = overdue.ToString("u", System.Globalization.CultureInfo.InvariantCulture);
            }
            if (pending.Count > 0)
            {
                return HealthCheckResult.Unhealthy($"Migrations not applied: {string.Join(", ", pending)}.", data: data);
            }

            return string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase)
                ? HealthCheckResult.Healthy("Database reachable, migrations applied, WAL on.", data)
                : HealthCheckResult.Unhealthy($"Journal mode is '{journal}', not WAL.", data: data);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database check failed.", ex);
        }
    }
}
