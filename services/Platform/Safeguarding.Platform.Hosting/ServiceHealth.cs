using Grpc.AspNetCore.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Safeguarding.Platform.Hosting;

/// <summary>
/// One set of ASP.NET Core health checks behind both /healthz/* and grpc.health.v1: "" (the server) and each
/// service name a module declares with <see cref="AddGrpcHealthFor"/> report the readiness checks (the database,
/// the broker); every one turns NOT_SERVING as soon as shutdown starts, so load balancers drain first.
/// </summary>
public static class ServiceHealth
{
    internal static void Add(IServiceCollection services)
    {
        services.AddGrpcHealthChecks().AddCheck<ShutdownCheck>("shutdown", tags: [HealthEndpoints.ReadyTag]);
        services.Configure<GrpcHealthChecksOptions>(options =>
        {
            options.Services.Map(string.Empty, HealthEndpoints.IsReadinessResult);
        });
    }

    /// <summary>Reports the readiness checks under the proto service names a module serves.</summary>
    public static IServiceCollection AddGrpcHealthFor(this IServiceCollection services, params string[] serviceNames) =>
        services.Configure<GrpcHealthChecksOptions>(options =>
        {
            foreach (var name in serviceNames)
            {
                options.Services.Map(name, HealthEndpoints.IsReadinessResult);
            }
        });

    private sealed class ShutdownCheck(IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
                ? HealthCheckResult.Unhealthy("shutting down")
                : HealthCheckResult.Healthy());
    }
}
