using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Safeguarding.Platform.Persistence;

/// <summary>Readiness of a service's database: the schema is migrated (<see cref="PlatformDatabase{TContext}"/>) and the database answers.</summary>
public sealed class DatabaseHealthCheck<TContext>(PlatformDatabase<TContext> database, IServiceScopeFactory scopes) : IHealthCheck
    where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // At startup the first check runs while migrations still do: give them a moment before saying "not ready".
            await database.Ready.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy("schema not migrated yet");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("database unreachable");
    }
}
