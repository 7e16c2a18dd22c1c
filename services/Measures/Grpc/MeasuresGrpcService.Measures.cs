using Safeguarding.Measures.Application;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Grpc.Mapping;
using Safeguarding.Measures.Persistence;
using Safeguarding.Measures.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using DomainFrequency = Safeguarding.Measures.Domain.Frequency;
using DomainSource = Safeguarding.Measures.Domain.Source;
using DomainType = Safeguarding.Measures.Domain.InformationType;

namespace Safeguarding.Measures.Grpc;

public sealed partial class MeasuresGrpcService
{
    public override async Task<Measure> DefineMeasure(DefineMeasureRequest request, ServerCallContext context)
    {
        var actor = context.RequireActor();
        var problems = new ValidationProblems();
        var libraryId = string.IsNullOrEmpty(request.LibraryMeasureId) ? null : request.LibraryMeasureId;
        Domain.MeasureDefinition definition;
        if (request.Measure is null && libraryId is not null)
        {
            var frequency = MeasureMapping.Required<V1.Frequency, DomainFrequency>(request.Frequency, "frequency", problems);
            MeasuresErrors.ThrowIfAny(problems);
            definition = measureCommands.FromLibrary(libraryId, frequency);
        }
        else
        {
            definition = MeasureMapping.ToDomain(request.Measure, "measure", problems);
            MeasuresErrors.ThrowIfAny(problems);
        }

        return MeasureMapping.ToProto(await measureCommands.DefineAsync(definition, libraryId, actor, context.CancellationToken));
    }

    public override async Task<ReviseMeasureResponse> ReviseMeasure(ReviseMeasureRequest request, ServerCallContext context)
    {
        var actor = context.RequireActor();
        var problems = new ValidationProblems();
        var definition = MeasureMapping.ToDomain(request.Measure, "measure", problems);
        if (request.Reason.Length > 1000)
        {
            problems.Add("reason", "must be at most 1000 characters");
        }
        else if (Text.PersonalDetailProblem(request.Reason) is { } personal)
        {
            problems.Add("reason", personal);
        }

        MeasuresErrors.ThrowIfAny(problems);
        var (view, change) = await measureCommands.ReviseAsync(definition, request.ForceNewVersion, request.Reason, request.Etag, actor, context.CancellationToken);
        var response = new ReviseMeasureResponse { Measure = MeasureMapping.ToProto(view), Change = MeasureMapping.ChangeKind(change.Kind) };
        response.ChangedFields.AddRange(change.ChangedFields);
        return response;
    }

    public override async Task<Measure> GetMeasure(GetMeasureRequest request, ServerCallContext context)
    {
        var problems = new ValidationProblems();
        RequireText(request.MeasureId, "measure_id", problems);
        if (request.Version < 0)
        {
            problems.Add("version", "must be 0 (current) or a version number");
        }

        MeasuresErrors.ThrowIfAny(problems);
        var view = await measures.ViewAsync(request.MeasureId, request.Version, request.IncludeHistory, context.CancellationToken);
        return view is not null ? MeasureMapping.ToProto(view)
            : request.Version == 0 ? throw new ResourceNotFoundException("measure", request.MeasureId)
            : throw new ResourceNotFoundException("measure version", $"{request.MeasureId}@v{request.Version}");
    }

    public override async Task<ListMeasuresResponse> ListMeasures(ListMeasuresRequest request, ServerCallContext context)
    {
        var problems = new ValidationProblems();
        var filter = new MeasureFilter(
            string.IsNullOrEmpty(request.ContentAreaId) ? null : request.ContentAreaId,
            EnumMap<V1.InformationType, DomainType>.ToDomain(request.Type),
            EnumMap<V1.Source, DomainSource>.ToDomain(request.Source),
            request.IncludeRetired);
        var filters = $"{filter.ContentAreaId}|{filter.Type}|{filter.Source}|{filter.IncludeRetired}";
        var page = PageTokens.Read(request.PageSize, request.PageToken, filters, problems);
        MeasuresErrors.ThrowIfAny(problems);
        var found = await measures.ListAsync(filter, page, context.CancellationToken);
        var response = new ListMeasuresResponse { NextPageToken = PageTokens.Write(found.NextCursor, filters) };
        response.Measures.AddRange(found.Items.Select(MeasureMapping.ToProto));
        return response;
    }

    public override async Task<Measure> RetireMeasure(RetireMeasureRequest request, ServerCallContext context)
    {
        var actor = context.RequireActor();
        var problems = new ValidationProblems();
        RequireText(request.MeasureId, "measure_id", problems);
        MeasuresErrors.ThrowIfAny(problems);
        return MeasureMapping.ToProto(await measureCommands.RetireAsync(request.MeasureId, request.Reason, actor, context.CancellationToken));
    }
}
