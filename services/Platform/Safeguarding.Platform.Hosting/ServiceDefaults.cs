using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Platform.Hosting;

/// <summary>The defaults every service starts with; Program.cs calls these two methods and nothing else of the platform.</summary>
public static class ServiceDefaults
{
    /// <summary>
    /// Endpoints (gRPC h2c + HTTP/1.1), gRPC server, OpenTelemetry traces and metrics (OTLP when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set), logs with trace ids, health checks and a bounded
    /// graceful shutdown.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        var endpoints = builder.Configuration.GetSection(EndpointOptions.Section).Get<EndpointOptions>() ?? new EndpointOptions();
        builder.Services.Configure<EndpointOptions>(builder.Configuration.GetSection(EndpointOptions.Section));
        builder.WebHost.ConfigureKestrel(kestrel => KestrelEndpoints.Configure(kestrel, endpoints));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = endpoints.ShutdownTimeout);

        builder.Services.AddGrpcServer(options => builder.Configuration.GetSection("Grpc").Bind(options));
        builder.Services.AddHealthChecks();
        builder.Services.AddHostedService<GrpcReadinessPublisher>();

        // Several services can share one process (the embedded runner): one set of providers serves them all.
        if (!builder.Configuration.GetValue("Telemetry:SharedByProcess", false))
        {
            builder.Services.AddSingleton(_ => PlatformTelemetry.Start(serviceName, builder.Configuration));
            builder.Services.AddHostedService<TelemetryLifetime>();
        }

        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (builder.Configuration["Logging:Format"] == "json")
        {
            builder.Logging.AddJsonConsole(options => options.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(options =>
            {
                options.IncludeScopes = true;
                options.SingleLine = true;
            });
        }

        return builder;
    }

    /// <summary>Maps health probes, grpc.health.v1 and server reflection.</summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        HealthEndpoints.Map(app);
        app.MapGrpcPlatformServices();
        return app;
    }

    /// <summary>Starts telemetry with the host and flushes it last at shutdown.</summary>
    private sealed class TelemetryLifetime(PlatformTelemetry telemetry) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = telemetry.IsExporting; // Resolving the singleton is what starts the providers.
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
