using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Grpc.Mapping;
using Safeguarding.Measures.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Measures.Grpc;

public sealed partial class MeasuresGrpcService
{
    public override async Task<GetSeriesResponse> GetSeries(GetSeriesRequest request, ServerCallContext context)
    {
        RequireTargetOrReference(TargetOrganisation.From(context), "organisation_code", request.OrganisationCode);
        var problems = new ValidationProblems();
        RequireText(request.OrganisationCode, "organisation_code", problems);
        RequireText(request.MeasureId, "measure_id", problems);
        if (request.MeasureVersion < 0)
        {
            problems.Add("measure_version", "must be 0 (every version) or a version number");
        }

        var breakdown = ObservationMapping.ToDomain(request.Breakdown, "breakdown", problems);
        var from = PeriodMapping.ToDomain(request.PeriodFrom, "period_from", problems, required: false);
        var to = PeriodMapping.ToDomain(request.PeriodTo, "period_to", problems, required: false);
        MeasuresErrors.ThrowIfAny(problems);
        var (measure, points) = await computations.SeriesAsync(request.OrganisationCode, request.MeasureId, request.MeasureVersion, breakdown!, from?.Start, to?.Start, Viewer(context), context.CancellationToken);
        var response = new GetSeriesResponse { Measure = MeasureMapping.ToProto(measure) };
        response.Points.AddRange(points.Select(ComputationMapping.ToProto));
        return response;
    }

    public override async Task<AggregateMeasureResponse> AggregateMeasure(AggregateMeasureRequest request, ServerCallContext context)
    {
        // With a target organisation, the organisations totalled must be the target or published reference geography,
        // and a parent only the target (a reference parent such as London would total the organisations under it);
        // naming none (meaning every organisation known) totals the target only.
        var target = TargetOrganisation.From(context);
        for (var i = 0; !target.IsUnrestricted && i < request.OrganisationCodes.Count; i++)
        {
            RequireTargetOrReference(target, FieldPath.Index("organisation_codes", i), request.OrganisationCodes[i]);
        }

        target.Require("parent_code", request.ParentCode);
        IReadOnlyList<string> organisationCodes = !target.IsUnrestricted && request.OrganisationCodes.Count == 0 && request.ParentCode.Length == 0
            ? [target.Code]
            : [.. request.OrganisationCodes];
        var problems = new ValidationProblems();
        RequireText(request.MeasureId, "measure_id", problems);
        if (request.MeasureVersion < 0)
        {
            problems.Add("measure_version", "must be 0 (current) or a version number");
        }

        if (request.OrganisationCodes.Count > 0 && request.ParentCode.Length > 0)
        {
            problems.Add("parent_code", "give organisation_codes or parent_code, not both");
        }

        var periods = request.Periods.Select((p, i) => PeriodMapping.ToDomain(p, FieldPath.Index("periods", i), problems)).OfType<Domain.Period>().ToList();
        var from = PeriodMapping.ToDomain(request.PeriodFrom, "period_from", problems, required: false);
        var to = PeriodMapping.ToDomain(request.PeriodTo, "period_to", problems, required: false);
        var breakdown = ObservationMapping.ToDomain(request.Breakdown, "breakdown", problems);
        MeasuresErrors.ThrowIfAny(problems);
        var (measure, scope, totals) = await computations.AggregateAsync(
            request.MeasureId, request.MeasureVersion, [.. organisationCodes], request.ParentCode.Length == 0 ? null : request.ParentCode,
            periods, from?.Start, to?.Start, breakdown!, Viewer(context), context.CancellationToken);
        var response = new AggregateMeasureResponse { Measure = MeasureMapping.ToProto(measure) };
        response.OrganisationCodes.AddRange(scope);
        response.Totals.AddRange(totals.Select(ComputationMapping.ToProto));
        return response;
    }

    public override async Task<GetBalanceOfInformationResponse> GetBalanceOfInformation(GetBalanceOfInformationRequest request, ServerCallContext context)
    {
        TargetOrganisation.From(context).Require("organisation_code", request.OrganisationCode);
        var problems = new ValidationProblems();
        RequireText(request.OrganisationCode, "organisation_code", problems);
        var window = PeriodMapping.ToDomain(request.Window, "window", problems);
        MeasuresErrors.ThrowIfAny(problems);
        var balance = await computations.BalanceAsync(request.OrganisationCode, window!, Viewer(context), context.CancellationToken);
        var response = new GetBalanceOfInformationResponse
        {
            OrganisationCode = balance.OrganisationCode,
            Window = PeriodMapping.ToProto(balance.Window),
            Overall = ComputationMapping.ToProto(balance.Overall),
        };
        response.Areas.AddRange(balance.Areas.Select(ComputationMapping.ToProto));
        response.UnknownMeasures.AddRange(balance.UnknownMeasures.Select(m => m.ToString()));
        return response;
    }
}
