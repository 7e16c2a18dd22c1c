using Grpc.Core;
using Safeguarding.Measures.Application;
using Safeguarding.Measures.Application.Returns;
using Safeguarding.Measures.Datasets;
using Safeguarding.Measures.Domain;
using Dataset = Safeguarding.Measures.Datasets.Dataset;
using Period = Safeguarding.Measures.V1.Period;
using OrganisationKind = Safeguarding.Measures.Organisations.OrganisationKind;
using Safeguarding.Measures.Grpc.Mapping;
using Safeguarding.Measures.Organisations;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Measures.Grpc;

/// <summary>
/// safeguarding.measures.v1.ReturnsService: reads and checks each request (problems named by field), calls
/// ReturnCommands for the call's verified organisation and maps the result; MeasuresErrors maps failures.
/// </summary>
public sealed class ReturnsGrpcService(
    DatasetCatalog datasets,
    OrganisationRegistry organisations,
    ReturnCommands commands,
    ReturnReader returns,
    ReturnViolations violations,
    ReturnHierarchy hierarchy,
    TimeProvider time) : ReturnsService.ReturnsServiceBase
{
    /// <summary>Organisations one bulk call may name.</summary>
    public const int MaxOrganisations = 500;

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public override Task<ListDatasetsResponse> ListDatasets(ListDatasetsRequest request, ServerCallContext context)
    {
        var response = new ListDatasetsResponse();
        response.Datasets.AddRange(datasets.All.OrderBy(d => d.Id, StringComparer.Ordinal).Select(ReturnMapping.ToProto));
        return Task.FromResult(response);
    }

    public override async Task<ListReturnsResponse> ListReturns(ListReturnsRequest request, ServerCallContext context)
    {
        var problems = new ValidationProblems();
        var (dataset, period) = DatasetPeriod(request.DatasetId, request.Period, problems);
        Codes(request.OrganisationCodes, problems, required: false);
        MeasuresErrors.ThrowIfAny(problems);
        var target = TargetOrganisation.From(context);
        var codes = request.OrganisationCodes.Count > 0
            ? [.. request.OrganisationCodes]
            : (IReadOnlyList<string>)[target.Code, .. organisations.Descendants(target.Code).Where(o => o.Kind is OrganisationKind.Agency or OrganisationKind.Partnership).Select(o => o.Code).Order(StringComparer.Ordinal)];
        var found = await returns.ListAsync(dataset!, period!, [.. codes.Where(c => organisations.Find(c) is { Kind: OrganisationKind.Agency or OrganisationKind.Partnership })], context.CancellationToken);
        var response = new ListReturnsResponse();
        response.Returns.AddRange(found.Select(r => ReturnMapping.ToProto(r, Today)));
        return response;
    }

    public override async Task<Return> SubmitReturn(SubmitReturnRequest request, ServerCallContext context)
    {
        var actor = context.RequireActor();
        var key = Key(request.OrganisationCode, request.DatasetId, request.Period, reason: null);
        return ReturnMapping.ToProto(await commands.SubmitAsync(key, actor, context.CancellationToken), Today);
    }

    public override async Task<ApproveReturnsResponse> ApproveReturns(ApproveReturnsRequest request, ServerCallContext context)
    {
        var actor = context.RequireActor();
        var keys = Keys(request.DatasetId, request.Period, request.OrganisationCodes);
        var response = new ApproveReturnsResponse();
        response.Returns.AddRange((await commands.ApproveAsync(keys, actor, context.CancellationToken)).Select(r => ReturnMapping.ToProto(r, Today)));
        return response;
    }

    public override async Task<AcceptReturnsResponse> AcceptReturns(AcceptReturnsRequest request, ServerCallContext context)
    {
        var actor = context.RequireActor();
        var keys = Keys(request.DatasetId, request.Period, request.OrganisationCodes);
        var response = new AcceptReturnsResponse();
        response.Returns.AddRange((await commands.AcceptAsync(keys, actor, context.CancellationToken)).Select(r => ReturnMapping.ToProto(r, Today)));
        return response;
    }

    public override async Task<ReopenReturnResponse> ReopenReturn(ReopenReturnRequest request, ServerCallContext context)
    {
        var actor = context.RequireActor();
        var key = Key(request.OrganisationCode, request.DatasetId, request.Period, request.Reason);
        var response = new ReopenReturnResponse();
        response.Returns.AddRange((await commands.ReopenAsync(key, request.Reason, actor, context.CancellationToken)).Select(r => ReturnMapping.ToProto(r, Today)));
        return response;
    }

    public override async Task<Return> WaiveReturn(WaiveReturnRequest request, ServerCallContext context)
    {
        var actor = context.RequireActor();
        var key = Key(request.OrganisationCode, request.DatasetId, request.Period, request.Reason);
        return ReturnMapping.ToProto(await commands.WaiveAsync(key, request.Reason, actor, context.CancellationToken), Today);
    }

    public override async Task<ValidateReturnResponse> ValidateReturn(ValidateReturnRequest request, ServerCallContext context)
    {
        var key = Key(request.OrganisationCode, request.DatasetId, request.Period, reason: null);
        RequireOwnOrAbove(context, key);
        var found = await violations.ValidateAsync(datasets.Find(key.DatasetId)!, key, context.CancellationToken);
        var response = new ValidateReturnResponse { BlockingOpen = found.Count(v => v.Blocking && v.Status == Domain.ViolationStatus.Open) };
        response.Violations.AddRange(found.Select(ReturnMapping.ToProto));
        return response;
    }

    public override async Task<ListViolationsResponse> ListViolations(ListViolationsRequest request, ServerCallContext context)
    {
        var key = Key(request.OrganisationCode, request.DatasetId, request.Period, reason: null);
        RequireOwnOrAbove(context, key);
        var problems = new ValidationProblems();
        var status = request.Status == V1.ViolationStatus.Unspecified ? null : EnumMap<V1.ViolationStatus, Domain.ViolationStatus>.ToDomain(request.Status);
        var filters = string.Join('|', key.ToString(), status);
        var page = PageTokens.Read(request.PageSize, request.PageToken, filters, problems);
        MeasuresErrors.ThrowIfAny(problems);
        var found = await violations.ListAsync(key, status, page, context.CancellationToken);
        var response = new ListViolationsResponse { NextPageToken = PageTokens.Write(found.NextCursor, filters) };
        response.Violations.AddRange(found.Items.Select(ReturnMapping.ToProto));
        return response;
    }

    public override async Task<Violation> ResolveViolation(ResolveViolationRequest request, ServerCallContext context)
    {
        var actor = context.RequireActor();
        var key = Key(request.OrganisationCode, request.DatasetId, request.Period, request.Reason);
        RequireOwnOrAbove(context, key);
        var resolution = EnumMap<V1.ViolationStatus, Domain.ViolationStatus>.ToDomain(request.Resolution);
        if (resolution is not (Domain.ViolationStatus.Explained or Domain.ViolationStatus.Accepted))
        {
            throw new DomainValidationException("resolution", "must be VIOLATION_STATUS_EXPLAINED or VIOLATION_STATUS_ACCEPTED");
        }

        return ReturnMapping.ToProto(await violations.ResolveAsync(key, request.ViolationId, resolution.Value, request.Reason, actor.UserId, context.CancellationToken));
    }

    // Violations are the organisation's and the partnership's (or region's) above it to see and resolve.
    private void RequireOwnOrAbove(ServerCallContext context, ReturnKey key)
    {
        var caller = context.GetCaller();
        var target = TargetOrganisation.From(context);
        if (target.IsUnrestricted)
        {
            return;
        }

        hierarchy.RequireOwnOrAbove(caller.OrganisationCode, target.Code, hierarchy.ReturningOrganisation(key.OrganisationCode));
    }

    private ReturnKey Key(string organisationCode, string datasetId, Period? period, string? reason)
    {
        var problems = new ValidationProblems();
        if (!Text.IsOrganisationCode(organisationCode))
        {
            problems.Add("organisation_code", "is required: an organisation code");
        }

        var (dataset, parsed) = DatasetPeriod(datasetId, period, problems);
        if (reason is not null)
        {
            if (!Text.IsLabel(reason, ReturnCommands.MaxReason))
            {
                problems.Add("reason", $"is required (single line, at most {ReturnCommands.MaxReason} characters)");
            }
            else if (Text.PersonalDetailProblem(reason) is { } personal)
            {
                problems.Add("reason", personal);
            }
        }

        MeasuresErrors.ThrowIfAny(problems);
        return new ReturnKey(organisations.Find(organisationCode)?.Code ?? organisationCode, dataset!.Id, parsed!);
    }

    private List<ReturnKey> Keys(string datasetId, Period? period, Google.Protobuf.Collections.RepeatedField<string> codes)
    {
        var problems = new ValidationProblems();
        var (dataset, parsed) = DatasetPeriod(datasetId, period, problems);
        Codes(codes, problems, required: true);
        MeasuresErrors.ThrowIfAny(problems);
        return [.. codes.Distinct(StringComparer.OrdinalIgnoreCase).Select(c => new ReturnKey(organisations.Find(c)?.Code ?? c, dataset!.Id, parsed!))];
    }

    private (Dataset? Dataset, Domain.Period? Period) DatasetPeriod(string datasetId, Period? period, ValidationProblems problems)
    {
        Dataset? dataset = null;
        if (string.IsNullOrWhiteSpace(datasetId))
        {
            problems.Add("dataset_id", "is required");
        }
        else
        {
            dataset = datasets.Find(datasetId) ?? throw new ResourceNotFoundException("dataset", datasetId);
        }

        var parsed = PeriodMapping.ToDomain(period, "period", problems);
        if (dataset is not null && parsed is not null && !dataset.IsReturnPeriod(parsed))
        {
            problems.Add("period", $"{parsed.Code} is not a period of dataset '{dataset.Id}' ({WireNames.ToWire(dataset.Frequency)}, aligned on the financial year)");
        }

        return (dataset, parsed);
    }

    private static void Codes(Google.Protobuf.Collections.RepeatedField<string> codes, ValidationProblems problems, bool required)
    {
        if (required && codes.Count == 0)
        {
            problems.Add("organisation_codes", "name at least one organisation");
        }

        if (codes.Count > MaxOrganisations)
        {
            problems.Add("organisation_codes", $"at most {MaxOrganisations} at once");
        }

        for (var i = 0; i < codes.Count && i < MaxOrganisations; i++)
        {
            if (!Text.IsOrganisationCode(codes[i]))
            {
                problems.Add(FieldPath.Index("organisation_codes", i), "must be an organisation code");
            }
        }
    }
}
