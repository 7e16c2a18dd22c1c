using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Safeguarding.Platform.Hosting;

/// <summary>
/// What every platform process traces and measures: our own sources, server spans from the ASP.NET Core
/// instrumentation with the RPC attributes rpc.system.name, rpc.method and rpc.response.status_code on gRPC calls
/// (<see cref="GrpcServerAttributes"/>, on by default here), gRPC and HTTP client spans, Npgsql, runtime metrics.
/// OTLP (traces, metrics and logs) when OTEL_EXPORTER_OTLP_ENDPOINT is set; the SDK reads the other OTEL_* settings
/// (sampler, resource) itself. A service registers it with the host; a process that hosts several services (the
/// embedded runner, tests) starts one set with <see cref="Start"/> instead.
/// </summary>
public sealed class PlatformTelemetry : IDisposable
{
    /// <summary>Our own ActivitySources and Meters: one per component, all under this prefix.</summary>
    public const string OwnSources = "Safeguarding.*";

    /// <summary>
    /// The ASP.NET Core instrumentation's switch for gRPC server attributes (experimental upstream, so off unless
    /// asked for). The platform asks for it: an operator's trace should say which RPC a span is and how it ended.
    /// An operator may still set it to false.
    /// </summary>
    public const string GrpcServerAttributes = "OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_ENABLE_GRPC_INSTRUMENTATION";

    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metrics;

    private PlatformTelemetry(TracerProvider tracing, MeterProvider metrics)
    {
        _tracing = tracing;
        _metrics = metrics;
    }

    /// <summary>Registers the host's providers for one service; the platform's defaults sit below every other setting.</summary>
    public static void AddTo(IServiceCollection services, string serviceName, IConfigurationManager configuration)
    {
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = [new(GrpcServerAttributes, "true")] });
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
        if (exporting)
        {
            // Log records carry fixed messages, codes and ids only (never names or free text), as the console's do.
            services.AddOpenTelemetry().WithLogging(logging => logging.AddOtlpExporter());
        }
    }

    /// <summary>Starts process-wide providers (several services in one process); dispose to flush them.</summary>
    public static PlatformTelemetry Start(string serviceName, IConfiguration configuration)
    {
        // The SDK's own providers read OTEL_* settings from the environment only.
        if (Environment.GetEnvironmentVariable(GrpcServerAttributes) is null)
        {
            Environment.SetEnvironmentVariable(GrpcServerAttributes, "true");
        }

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
