using System.Globalization;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace Safeguarding.Platform.Hosting;

/// <summary>
/// The trace sampler from the standard OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG settings, so operators
/// can turn sampling down on a busy gateway without a rebuild. Default, and for an unknown value:
/// parentbased_always_on (a caller's decision is kept; new traces are all sampled).
/// </summary>
public static class TraceSampling
{
    /// <summary>The sampler the configuration (environment variables in production) asks for.</summary>
    public static Sampler FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var ratio = Ratio(configuration["OTEL_TRACES_SAMPLER_ARG"]);
        return (configuration["OTEL_TRACES_SAMPLER"] ?? string.Empty).Trim().ToLowerInvariant() switch
        {
            "always_on" => new AlwaysOnSampler(),
            "always_off" => new AlwaysOffSampler(),
            "traceidratio" => new TraceIdRatioBasedSampler(ratio),
            "parentbased_always_off" => new ParentBasedSampler(new AlwaysOffSampler()),
            "parentbased_traceidratio" => new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio)),
            _ => new ParentBasedSampler(new AlwaysOnSampler()),
        };
    }

    // The specification's default (1.0) for a missing or malformed ratio, and for one outside [0, 1].
    private static double Ratio(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1 ? ratio : 1.0;
}
