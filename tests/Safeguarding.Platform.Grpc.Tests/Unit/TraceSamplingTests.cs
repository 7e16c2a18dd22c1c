using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.Platform.Grpc.Tests.Unit;

public sealed class TraceSamplingTests
{
    [Theory]
    [InlineData(null, null, true)]
    [InlineData("always_on", null, true)]
    [InlineData("always_off", null, false)]
    [InlineData("traceidratio", "0", false)]
    [InlineData("traceidratio", "1", true)]
    [InlineData("parentbased_always_off", null, false)]
    [InlineData("parentbased_traceidratio", "0", false)]
    [InlineData("PARENTBASED_TRACEIDRATIO", "not a number", true)]
    [InlineData("something_else", null, true)]
    public void A_new_trace_is_sampled_as_the_standard_settings_say(string? sampler, string? argument, bool sampled)
    {
        var decision = Decide(sampler, argument, parent: default);

        Assert.Equal(sampled, decision == SamplingDecision.RecordAndSample);
    }

    [Theory]
    [InlineData("parentbased_always_off")]
    [InlineData("parentbased_traceidratio")]
    public void A_callers_sampled_trace_is_kept_by_the_parent_based_samplers(string sampler)
    {
        var parent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);

        Assert.Equal(SamplingDecision.RecordAndSample, Decide(sampler, "0", parent));
    }

    private static SamplingDecision Decide(string? sampler, string? argument, ActivityContext parent)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_TRACES_SAMPLER"] = sampler,
            ["OTEL_TRACES_SAMPLER_ARG"] = argument,
        }).Build();
        var parameters = new SamplingParameters(parent, ActivityTraceId.CreateRandom(), "call", ActivityKind.Server);
        return TraceSampling.FromConfiguration(configuration).ShouldSample(in parameters).Decision;
    }
}
