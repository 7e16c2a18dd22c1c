using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Safeguarding.Platform.Hosting;

/// <summary>
/// The OpenTelemetry providers of a process. OpenTelemetry.Extensions.Hosting is absent from the
/// feed, so the providers are built with the SDK and their lifetime is owned here: created once,
/// flushed and disposed at shutdown. Exporting is OTLP, configured by the standard OTEL_* variables.
/// </summary>
public sealed class PlatformTelemetry : IDisposable
{
    /// <summary>Sources every platform process listens to: ours, and the framework's built-in ones.</summary>
    public static readonly string[] ActivitySources = ["Safeguarding.*", "Microsoft.AspNetCore", "System.Net.Http", "Npgsql"];

    /// <summary>Meters every platform process exports.</summary>
    public static readonly string[] Meters = ["Safeguarding.*", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "Npgsql"];

    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metrics;

    private PlatformTelemetry(TracerProvider tracing, MeterProvider metrics, bool exporting)
    {
        _tracing = tracing;
        _metrics = metrics;
        IsExporting = exporting;
    }

    /// <summary>Whether an OTLP endpoint is configured.</summary>
    public bool IsExporting { get; }

    /// <summary>
    /// Starts tracing and metrics for a service. Without an OTLP endpoint, spans are still created
    /// (so logs carry trace ids and trace context propagates) but nothing is exported.
    /// </summary>
    public static PlatformTelemetry Start(string serviceName, IConfiguration configuration)
    {
        var endpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var exporting = !string.IsNullOrWhiteSpace(endpoint);
        var resource = ResourceBuilder.CreateDefault()
            .AddService(configuration["OTEL_SERVICE_NAME"] ?? serviceName, serviceVersion: typeof(PlatformTelemetry).Assembly.GetName().Version?.ToString())
            .AddEnvironmentVariableDetector();

        var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(ActivitySources)
            .SetSampler(TraceSampling.FromConfiguration(configuration));
        var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(Meters);
        if (exporting)
        {
            tracing.AddOtlpExporter();
            metrics.AddOtlpExporter();
        }

        return new PlatformTelemetry(tracing.Build()!, metrics.Build()!, exporting);
    }

    /// <summary>Flushes what is buffered and stops the providers.</summary>
    public void Dispose()
    {
        _tracing.ForceFlush(5000);
        _metrics.ForceFlush(5000);
        _tracing.Dispose();
        _metrics.Dispose();
    }
}
