using Microsoft.Extensions.Diagnostics.HealthChecks;
using Safeguarding.Platform.Persistence;

namespace Safeguarding.Surveys.Persistence;

/// <summary>Readiness: the schema is migrated and the database answers.</summary>
internal sealed class DatabaseHealthCheck(PlatformDatabase<SurveysDbContext> database, IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.Ready.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy("schema not migrated yet");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SurveysDbContext>();
        return await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("database unreachable");
    }
}
