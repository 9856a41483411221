using System.Text.Json;
using CollabAddin.Api.Data;
using CollabAddin.Api.FollowUp;
using CollabAddin.Api.Meetings;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.Hosting;

/// <summary>Section <c>Health</c>.</summary>
public sealed class HealthOptions
{
    /// <summary>How long a due invite or mail may wait before this instance says it is not ready.</summary>
    public int MaxOutboxLagMinutes { get; set; } = 15;
}

/// <summary>
/// Liveness and readiness for a load balancer or an orchestrator. <c>/healthz/live</c> (and <c>/healthz</c>) only says
/// the process answers; <c>/healthz/ready</c> answers 503 unless the database is reachable, every migration is applied
/// and no invite or mail has been due for longer than <see cref="HealthOptions.MaxOutboxLagMinutes"/>. The body names
/// each check and its state, never a connection string or an address.
/// </summary>
public static class Health
{
    private const string Ready = "ready";

    public static IServiceCollection AddCollabHealth(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<HealthOptions>(config.GetSection("Health"));
        services.AddHealthChecks()
            .AddDbContextCheck<CollabDb>("database", tags: [Ready])
            .AddCheck<MigrationsApplied>("migrations", tags: [Ready])
            .AddCheck<OutboxLag>("outbox", tags: [Ready]);
        return services;
    }

    public static void MapCollabHealth(this IEndpointRouteBuilder app)
    {
        var live = new HealthCheckOptions { Predicate = _ => false };
        app.MapHealthChecks("/healthz", live);
        app.MapHealthChecks("/healthz/live", live);
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }

    private sealed class MigrationsApplied(CollabDb db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            return pending == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied");
        }
    }

    /// <summary>The oldest invite or mail that is due and still waiting, across tenants (a backed-off retry is not due yet).</summary>
    private sealed class OutboxLag(CollabDb db, TimeProvider clock, IOptions<HealthOptions> options) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var mail = await db.OutboxMails.IgnoreQueryFilters().Where(m => m.State == OutboxState.Pending)
                .MinAsync(m => (DateTime?)(m.NextAttemptAt ?? m.CreatedAt), ct);
            var invite = await db.Meetings.IgnoreQueryFilters()
                .Where(m => m.Invite.State == InviteState.CreatePending || m.Invite.State == InviteState.UpdatePending || m.Invite.State == InviteState.CancelPending)
                .MinAsync(m => m.Invite.NextAttemptAt, ct);
            var oldest = new[] { mail, invite }.Where(d => d is not null).DefaultIfEmpty().Min();
            var lag = oldest is { } due && due < now ? now - due : TimeSpan.Zero;
            var description = $"oldest due item waiting {lag.TotalMinutes:N0} min";
            return lag <= TimeSpan.FromMinutes(options.Value.MaxOutboxLagMinutes) ? HealthCheckResult.Healthy(description) : HealthCheckResult.Unhealthy(description);
        }
    }
}
