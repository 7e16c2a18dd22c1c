using Safeguarding.Measures.Application;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Grpc.Mapping;
using Safeguarding.Measures.Persistence;
using Safeguarding.Measures.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using DomainProvenanceKind = Safeguarding.Measures.Domain.ProvenanceKind;

namespace Safeguarding.Measures.Grpc;

public sealed partial class MeasuresGrpcService
{
    public override async Task<RecordObservationResponse> RecordObservation(RecordObservationRequest request, ServerCallContext context)
    {
        var actor = context.RequireActor();
        TargetOrganisation.From(context).Require("organisation_code", request.OrganisationCode);
        var problems = new ValidationProblems();
        RequireText(request.OrganisationCode, "organisation_code", problems);
        RequireText(request.MeasureId, "measure_id", problems);
        if (request.MeasureVersion < 0)
        {
            problems.Add("measure_version", "must be 0 (current) or a version number");
        }

        var period = PeriodMapping.ToDomain(request.Period, "period", problems);
        var breakdown = ObservationMapping.ToDomain(request.Breakdown, "breakdown", problems);
        var value = ObservationMapping.ToDomain(request.Value, "value", problems);
        var (kind, reference) = Source(request.Source, problems);
        Rounding(request.RoundedToNearest, problems);
        MeasuresErrors.ThrowIfAny(problems);
        var (stored, result) = await observationCommands.RecordAsync(
            new RecordObservationCommand(request.OrganisationCode, request.MeasureId, request.MeasureVersion, period!, breakdown!, value!, NullIfZero(request.RoundedToNearest), kind, reference),
            actor,
            context.CancellationToken);
        return new RecordObservationResponse
        {
            Observation = ObservationMapping.ToProto(stored),
            Outcome = result == RecordResult.Recorded ? V1.RecordOutcome.Recorded : V1.RecordOutcome.AlreadyCurrent,
        };
    }

    public override async Task<V1.Observation> CorrectObservation(CorrectObservationRequest request, ServerCallContext context)
    {
        var actor = context.RequireActor();
        var problems = new ValidationProblems();
        if (!Guid.TryParse(request.ObservationId, out var id))
        {
            problems.Add("observation_id", "must be an observation id (a UUID)");
        }

        var value = ObservationMapping.ToDomain(request.Value, "value", problems);
        if (!Text.IsLabel(request.CorrectionReason, 1000))
        {
            problems.Add("correction_reason", "is required (single line, at most 1000 characters)");
        }
        else if (Text.PersonalDetailProblem(request.CorrectionReason) is { } personal)
        {
            problems.Add("correction_reason", personal);
        }

        var (kind, reference) = Source(request.Source, problems);
        Rounding(request.RoundedToNearest, problems);
        MeasuresErrors.ThrowIfAny(problems);

        // Another organisation's observation is answered as a missing one (an observation never changes owner).
        if (TargetOrganisation.From(context) is { } target && await observations.FindAsync(id, context.CancellationToken) is { } stored)
        {
            target.RequireOwner("observation", id.ToString(), stored.Observation.OrganisationCode);
        }

        var corrected = await observationCommands.CorrectAsync(
            new CorrectObservationCommand(id, value!, request.CorrectionReason, NullIfZero(request.RoundedToNearest), kind, reference), actor, context.CancellationToken);
        return ObservationMapping.ToProto(corrected);
    }

    public override async Task<ListObservationsResponse> ListObservations(ListObservationsRequest request, ServerCallContext context)
    {
        var problems = new ValidationProblems();
        if (request.MeasureVersion < 0)
        {
            problems.Add("measure_version", "must be 0 (every version) or a version number");
        }

        var from = PeriodMapping.ToDomain(request.PeriodFrom, "period_from", problems, required: false);
        var to = PeriodMapping.ToDomain(request.PeriodTo, "period_to", problems, required: false);
        var organisationCodes = TargetScope(context, request.OrganisationCodes, "organisation_codes");
        var filter = new ObservationFilter(
            MeasureId: string.IsNullOrEmpty(request.MeasureId) ? null : request.MeasureId,
            OrganisationCodes: organisationCodes,
            MeasureVersion: request.MeasureVersion == 0 ? null : request.MeasureVersion,
            From: from?.Start,
            To: to?.Start,
            BreakdownKey: request.HasBreakdownKey ? request.BreakdownKey : null,
            IncludeSuperseded: request.IncludeSuperseded);
        var filters = string.Join('|', filter.MeasureId, string.Join(',', organisationCodes), filter.MeasureVersion, filter.From, filter.To, filter.BreakdownKey, filter.IncludeSuperseded);
        var page = PageTokens.Read(request.PageSize, request.PageToken, filters, problems);
        MeasuresErrors.ThrowIfAny(problems);
        var found = await observations.ListAsync(filter, page, context.CancellationToken);
        var response = new ListObservationsResponse { NextPageToken = PageTokens.Write(found.NextCursor, filters) };
        // Outside its organisation a figure under a dataset shows only once its return is far enough along; a page
        // may then hold fewer than asked for (the token still moves past what was held back).
        var visible = await VisibilityAsync(context, organisationCodes);
        var shown = found.Items.ToLookup(o => visible is null || visible(o.Observation.OrganisationCode, o.Observation.Measure.MeasureId, o.Observation.Period));
        response.Observations.AddRange(shown[true].Select(ObservationMapping.ToProto));
        if (filter.MeasureId is { } measureId)
        {
            await AddSignOffAsync(response, measureId, shown, context.CancellationToken);
        }

        return response;
    }

    /// <summary>Where the page's figures stand in sign-off, and where the held-back ones are (no values), for readers across organisations.</summary>
    private async Task AddSignOffAsync(ListObservationsResponse response, string measureId, ILookup<bool, StoredObservation> shown, CancellationToken cancellationToken)
    {
        var listed = shown.SelectMany(g => g.Select(o => new Application.Returns.ListedFigure(o.Observation.OrganisationCode, o.Observation.Period, HeldBack: !g.Key))).ToList();
        var signOff = await signOffs.ForAsync(measureId, listed, cancellationToken);
        response.DatasetIds.AddRange(signOff.DatasetIds);
        response.Returns.AddRange(signOff.Returns.Select(ReturnMapping.ToProto));
        response.HeldBack.AddRange(shown[false].Select(o => new HeldBackFigure
        {
            OrganisationCode = o.Observation.OrganisationCode,
            Period = PeriodMapping.ToProto(o.Observation.Period),
            MeasureVersion = o.Observation.Measure.Version,
            BreakdownKey = o.Observation.Breakdown.Key,
        }));
    }

    private Task<Application.Returns.ReturnVisibility.Rule?> VisibilityAsync(ServerCallContext context, IReadOnlyCollection<string> organisationCodes)
    {
        var viewer = Viewer(context);
        return visibility.ForAsync(viewer.OrganisationCode, viewer.Unrestricted, organisationCodes, context.CancellationToken);
    }

    /// <summary>The verified caller as return visibility sees it (unrestricted without a target organisation).</summary>
    private static Application.Returns.ReturnViewer Viewer(ServerCallContext context) =>
        new(context.GetCaller().OrganisationCode, TargetOrganisation.From(context).IsUnrestricted);

    /// <summary>
    /// The organisations a read across organisations covers: as asked without a target organisation; with one
    /// (a call through the gateway), every code asked for must be the target or published reference geography
    /// (<see cref="RequireTargetOrReference"/>), and asking for none (meaning every organisation) covers the target only.
    /// </summary>
    private IReadOnlyList<string> TargetScope(ServerCallContext context, Google.Protobuf.Collections.RepeatedField<string> asked, string field)
    {
        var target = TargetOrganisation.From(context);
        if (target.IsUnrestricted)
        {
            return [.. asked];
        }

        for (var i = 0; i < asked.Count; i++)
        {
            RequireTargetOrReference(target, FieldPath.Index(field, i), asked[i]);
        }

        return asked.Count == 0 ? [target.Code] : [.. asked];
    }

    /// <summary>
    /// A read may name the target, or published reference geography (ADR 0008: England, regions, Inner and Outer
    /// London and local authorities that ship with the service and no organisation on this instance owns): their
    /// figures are published statistics, not any organisation's rows, so whoever imported them (or anyone the
    /// instance serves) may read them back. Any other organisation is PERMISSION_DENIED, naming the field only.
    /// </summary>
    private void RequireTargetOrReference(TargetOrganisation target, string field, string? code)
    {
        if (!string.IsNullOrWhiteSpace(code) && !target.Is(code) && !organisations.IsReference(code))
        {
            throw RpcErrors.WithDetails(
                StatusCode.PermissionDenied,
                $"{field}: names an organisation other than the one this call is for ({TargetOrganisation.Header}); only published reference geography (England, regions, local authorities) may be named besides it.",
                new Google.Rpc.ErrorInfo { Reason = TargetOrganisation.NotTargetReason, Domain = "safeguarding", Metadata = { ["field"] = field } });
        }
    }

    private static (DomainProvenanceKind Kind, string? Reference) Source(ObservationSource? source, ValidationProblems problems)
    {
        var kind = source is null ? DomainProvenanceKind.ManualEntry : EnumMap<V1.ProvenanceKind, DomainProvenanceKind>.ToDomain(source.Kind) ?? DomainProvenanceKind.ManualEntry;
        if (kind == DomainProvenanceKind.Import)
        {
            problems.Add("source.kind", "imports go through ImportCsv; use manual_entry, audit or survey");
        }

        return (kind, string.IsNullOrWhiteSpace(source?.Reference) ? null : source.Reference);
    }

    private static void Rounding(int roundedToNearest, ValidationProblems problems)
    {
        if (roundedToNearest < 0)
        {
            problems.Add("rounded_to_nearest", "must be 1 or more when given");
        }
    }

    private static int? NullIfZero(int value) => value == 0 ? null : value;
}
