using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Safeguarding.Platform.Grpc;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Safeguarding.Platform.Hosting;

/// <summary>
/// Keeps gRPC health ("" = the server) in step with the readiness checks that /healthz/ready runs,
/// and reports NOT_SERVING as soon as shutdown starts so load balancers drain the instance first.
/// </summary>
internal sealed class GrpcReadinessPublisher(
    HealthCheckService checks, HealthStatusManager statuses, IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = lifetime.ApplicationStopping.Register(() => statuses.SetAll(ServingStatus.NotServing));
        using var timer = new PeriodicTimer(Interval);
        do
        {
            var report = await checks.CheckHealthAsync(HealthEndpoints.IsReadinessCheck, stoppingToken);
            if (!lifetime.ApplicationStopping.IsCancellationRequested)
            {
                statuses.SetStatus(string.Empty, report.Status == HealthStatus.Unhealthy ? ServingStatus.NotServing : ServingStatus.Serving);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
