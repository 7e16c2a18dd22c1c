using Grpc.Core;
using Safeguarding.Reporting.V1;

namespace Safeguarding.EndToEnd.Tests.Scenarios.Writes;

/// <summary>
/// Turning the Curve's write RPCs (issue 16), each tried on the owner's records: an exercise on a measure it defined,
/// and the actions of its plan.
/// </summary>
public static class TurningTheCurveWriteCases
{
    public static IEnumerable<WriteCase> All(WriteCalls calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var service = TurningTheCurveService.Descriptor.FullName + "/";
        TurningTheCurveService.TurningTheCurveServiceClient Curves() => new(calls.Platform.Channel);

        Task<TurningTheCurve> Hold(string owner, string measure, string title, CallOptions o) => Curves().CreateTurningTheCurveAsync(new CreateTurningTheCurveRequest
        {
            Record = new TurningTheCurve { OrganisationCode = owner, MeasureId = measure, HeldOn = "2025-03-12", Title = title, Story = "Referrals rose after the threshold document changed." },
        }, o).ResponseAsync;
        Task<(Measures.V1.MeasureDefinition Measure, TurningTheCurve Record)> HeldAsync(string owner) =>
            ReportingMeasure.DefineAsync(calls, owner, measure => Hold(owner, measure, "Turning the curve on referrals", WriteCalls.As(owner)));

        yield return new(service + "CreateTurningTheCurve", async owner =>
        {
            var (measure, _) = await HeldAsync(owner);
            return new([(_, o) => Hold(owner, measure.Id, "Held by another organisation", o)], o => Hold(owner, measure.Id, "Held again by its owner", o));
        });
        yield return new(service + "UpdateTurningTheCurve", async owner =>
        {
            var (_, theirs) = await HeldAsync(owner);
            Task<TurningTheCurve> Update(string organisation, string title, CallOptions o)
            {
                var record = theirs.Clone();
                record.OrganisationCode = organisation;
                record.Title = title;
                return Curves().UpdateTurningTheCurveAsync(new UpdateTurningTheCurveRequest { Record = record }, o).ResponseAsync;
            }

            return new([(_, o) => Update(owner, "Changed by another organisation", o), (acting, o) => Update(acting, "Changed by another organisation", o)],
                o => Update(owner, "Changed by its owner", o));
        });
        yield return new(service + "AddTurningTheCurveAction", async owner =>
        {
            var (_, theirs) = await HeldAsync(owner);
            Task<TurningTheCurve> Add(string description, CallOptions o) => Curves().AddTurningTheCurveActionAsync(new AddTurningTheCurveActionRequest
            {
                RecordId = theirs.Id,
                Action = new RegisterAction { Description = description, AgreedOn = "2025-03-12", DueOn = "2025-09-30", Status = RegisterActionStatus.NotStarted },
            }, o).ResponseAsync;
            return new([(_, o) => Add("Planned by another organisation", o)], o => Add("Planned by its owner", o));
        });
    }
}
