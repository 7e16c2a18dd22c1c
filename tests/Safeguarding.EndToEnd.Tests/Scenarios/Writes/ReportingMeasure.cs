using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.EndToEnd.Tests.Support;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Persistence;
using Safeguarding.Reporting.Events;
using Safeguarding.Reporting.Persistence;

namespace Safeguarding.EndToEnd.Tests.Scenarios.Writes;

/// <summary>A measure the owner defined that reporting knows of, for the reporting writes that name a measure.</summary>
internal static class ReportingMeasure
{
    /// <summary>
    /// Defines a measure through the gateway, tells reporting of it, then runs the owner's first use of it (a write
    /// that needs reporting to know the measure) until reporting does, and returns the measure and that write's result.
    /// </summary>
    public static async Task<(MeasureDefinition Measure, T FirstUse)> DefineAsync<T>(WriteCalls calls, string owner, Func<string, Task<T>> firstUse)
    {
        var measure = await MeasuresWriteCases.DefineAsync(calls.Measures, owner);
        await TellReportingAsync(calls.Platform, measure, owner);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return (measure, await firstUse(measure.Id));
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument && attempt < 100)
            {
                await Task.Delay(100); // the event is consumed a moment later
            }
        }
    }

    // In a cluster reporting learns of a measure from measures' events; the test platform gives each instance a
    // broker of its own, so the measure's MeasureDefined is handed to the reporting instances' transports here.
    private static async Task TellReportingAsync(TestPlatform platform, MeasureDefinition definition, string owner)
    {
        var defined = new MeasureDefined { Measure = new Measure { Definition = definition, Version = 1, Revision = 1, OwnerOrganisationCode = owner } };
        foreach (var instance in platform.Instances.Values.Where(i => i.Services.GetService<PlatformDatabase<ReportingDbContext>>() is not null))
        {
            await instance.Services.GetRequiredService<IEventTransport>().PublishAsync(
                ReportingTopics.MeasureDefined.Name, ProtoCloudEvents.Create(defined, "/safeguarding/measures", owner, DateTimeOffset.UtcNow));
        }
    }
}
