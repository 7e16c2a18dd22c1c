using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Safeguarding.Platform.Hosting;

/// <summary>
/// What every platform process traces and measures: our own sources, server spans from the ASP.NET Core
/// instrumentation (it adds the RPC attributes rpc.system.name, rpc.method and rpc.response.status_code to gRPC
/// calls only when OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_ENABLE_GRPC_INSTRUMENTATION=true), gRPC and HTTP client
/// spans, Npgsql, runtime metrics. OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; the SDK
/// reads the other OTEL_* settings (sampler, resource) itself. A service registers it with the host; a process
/// that hosts several services (the embedded runner, tests) starts one set with <see cref="Start"/> instead.
/// </summary>
public sealed class PlatformTelemetry : IDisposable
{
    /// <summary>Our own ActivitySources and Meters: one per component, all under this prefix.</summary>
    public const string OwnSources = "Safeguarding.*";

    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metrics;

    private PlatformTelemetry(TracerProvider tracing, MeterProvider metrics)
    {
        _tracing = tracing;
        _metrics = metrics;
    }

    /// <summary>Registers the host's providers for one service.</summary>
    public static void AddTo(IServiceCollection services, string serviceName, IConfiguration configuration)
    {
        var exporting = IsExporting(configuration);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => Describe(resource, serviceName, configuration))
            .WithTracing(tracing =>
            {
                Trace(tracing);
                if (exporting)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                Measure(metrics);
                if (exporting)
                {
                    metrics.AddOtlpExporter();
                }
            });
    }

    /// <summary>Starts process-wide providers (several services in one process); dispose to flush them.</summary>
    public static PlatformTelemetry Start(string serviceName, IConfiguration configuration)
    {
        var exporting = IsExporting(configuration);
        var resource = Describe(ResourceBuilder.CreateDefault(), serviceName, configuration);
        var tracing = Trace(Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource));
        var metrics = Measure(Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource));
        if (exporting)
        {
            tracing.AddOtlpExporter();
            metrics.AddOtlpExporter();
        }

        return new PlatformTelemetry(tracing.Build(), metrics.Build());
    }

    /// <summary>Flushes what is buffered and stops the providers.</summary>
    public void Dispose()
    {
        _tracing.ForceFlush(5000);
        _metrics.ForceFlush(5000);
        _tracing.Dispose();
        _metrics.Dispose();
    }

    private static bool IsExporting(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    private static ResourceBuilder Describe(ResourceBuilder resource, string serviceName, IConfiguration configuration) =>
        resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? serviceName, serviceVersion: typeof(PlatformTelemetry).Assembly.GetName().Version?.ToString())
            .AddEnvironmentVariableDetector();

    private static TracerProviderBuilder Trace(TracerProviderBuilder tracing) => tracing
        .AddSource(OwnSources)
        .AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments("/healthz"))
        .AddGrpcClientInstrumentation()
        .AddHttpClientInstrumentation()
        .AddNpgsql();

    private static MeterProviderBuilder Measure(MeterProviderBuilder metrics) => metrics
        .AddMeter(OwnSources)
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation()
        .AddRuntimeInstrumentation()
        .AddMeter("Npgsql");
}
