using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Grpc.AspNetCore.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Safeguarding.Platform.Hosting;

/// <summary>
/// Kubernetes probes, in every environment: /healthz/live (the process can serve) and
/// /healthz/ready (its dependencies are reachable: checks tagged "ready", e.g. the database).
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Tag for checks that decide readiness.</summary>
    public const string ReadyTag = "ready";

    internal static bool IsReadinessCheck(HealthCheckRegistration registration) => registration.Tags.Contains(ReadyTag);

    internal static bool IsReadinessResult(HealthCheckMapContext check) => check.Tags.Contains(ReadyTag);

    internal static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = IsReadinessCheck });
    }
}
