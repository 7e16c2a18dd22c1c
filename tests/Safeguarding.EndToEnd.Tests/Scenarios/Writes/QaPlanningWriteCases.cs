using Grpc.Core;
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
            Task<MeasureTarget> Set(string measure, double target, CallOptions o) => Planning().SetMeasureTargetAsync(new SetMeasureTargetRequest
            {
                Target = new MeasureTarget { OrganisationCode = owner, MeasureId = measure, PeriodCode = "2025-04/P12M", Target = target },
            }, o).ResponseAsync;
            var (measure, _) = await ReportingMeasure.DefineAsync(calls, owner, id => Set(id, 100, WriteCalls.As(owner)));
            return new([(_, o) => Set(measure.Id, 1, o)], o => Set(measure.Id, 120, o));
        });
    }
}
