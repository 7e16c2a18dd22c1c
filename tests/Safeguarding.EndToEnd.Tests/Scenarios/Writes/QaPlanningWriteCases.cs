using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.EndToEnd.Tests.Support;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Persistence;
using Safeguarding.Reporting.Events;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.V1;

namespace Safeguarding.EndToEnd.Tests.Scenarios.Writes;

/// <summary>
/// QA planning's write RPCs (issue 16), each tried on the owner's records: its timetable's activities, the events it
/// marked on its charts, and the target it set for a measure it defined.
/// </summary>
public static class QaPlanningWriteCases
{
    public static IEnumerable<WriteCase> All(WriteCalls calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var service = QaPlanningService.Descriptor.FullName + "/";
        QaPlanningService.QaPlanningServiceClient Planning() => new(calls.Platform.Channel);

        Task<QaActivity> Plan(string owner, string title, CallOptions o) => Planning().CreateQaActivityAsync(new CreateQaActivityRequest
        {
            Activity = new QaActivity { OrganisationCode = owner, Kind = QaActivityKind.SelfReflection, Title = title, PlannedYear = 2025, PlannedQuarter = 2 },
        }, o).ResponseAsync;
        Task<ChartAnnotation> Mark(string owner, string text, CallOptions o) => Planning().CreateChartAnnotationAsync(new CreateChartAnnotationRequest
        {
            Annotation = new ChartAnnotation { OrganisationCode = owner, OccurredOn = "2025-02-03", Text = text },
        }, o).ResponseAsync;

        yield return new(service + "CreateQaActivity", owner => Task.FromResult(new WriteProbe(
            [(_, o) => Plan(owner, "Planned by another organisation", o)],
            o => Plan(owner, "Planned by its owner", o))));
        yield return new(service + "UpdateQaActivity", async owner =>
        {
            var theirs = await Plan(owner, "Self-reflection", WriteCalls.As(owner));
            Task<QaActivity> Update(string organisation, string title, CallOptions o)
            {
                var activity = theirs.Clone();
                activity.OrganisationCode = organisation;
                activity.Title = title;
                return Planning().UpdateQaActivityAsync(new UpdateQaActivityRequest { Activity = activity }, o).ResponseAsync;
            }

            return new([(_, o) => Update(owner, "Changed by another organisation", o), (acting, o) => Update(acting, "Changed by another organisation", o)],
                o => Update(owner, "Changed by its owner", o));
        });
        yield return new(service + "DeleteQaActivity", async owner =>
        {
            var theirs = await Plan(owner, "Self-reflection", WriteCalls.As(owner));
            Task Delete(CallOptions o) => Planning().DeleteQaActivityAsync(new DeleteQaActivityRequest { Id = theirs.Id, Etag = theirs.Etag }, o).ResponseAsync;
            return new([(_, o) => Delete(o)], Delete);
        });
        yield return new(service + "CreateChartAnnotation", owner => Task.FromResult(new WriteProbe(
            [(_, o) => Mark(owner, "Marked by another organisation", o)],
            o => Mark(owner, "New threshold document", o))));
        yield return new(service + "DeleteChartAnnotation", async owner =>
        {
            var theirs = await Mark(owner, "New threshold document", WriteCalls.As(owner));
            Task Delete(CallOptions o) => Planning().DeleteChartAnnotationAsync(new DeleteChartAnnotationRequest { Id = theirs.Id }, o).ResponseAsync;
            return new([(_, o) => Delete(o)], Delete);
        });
        yield return new(service + "SetMeasureTarget", async owner =>
        {
            var measure = await MeasuresWriteCases.DefineAsync(calls.Measures, owner);
            await TellReportingAsync(calls.Platform, measure, owner);
            Task Set(double target, CallOptions o) => Planning().SetMeasureTargetAsync(new SetMeasureTargetRequest
            {
                Target = new MeasureTarget { OrganisationCode = owner, MeasureId = measure.Id, PeriodCode = "2025-04/P12M", Target = target },
            }, o).ResponseAsync;
            await UntilReportingKnowsAsync(() => Set(100, WriteCalls.As(owner)));
            return new([(_, o) => Set(1, o)], o => Set(120, o));
        });
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

    private static async Task UntilReportingKnowsAsync(Func<Task> set)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await set();
                return;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument && attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }
}
