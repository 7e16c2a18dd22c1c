using System.IO.Pipelines;
using Safeguarding.Measures.Application.Importing;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Grpc.Mapping;
using Safeguarding.Measures.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Measures.Grpc;

public sealed partial class MeasuresGrpcService
{
    // Bytes buffered between the request stream and the CSV reader before the stream is paused.
    private const long PipePause = 1 << 20;

    public override async Task<ListImportMappingsResponse> ListImportMappings(ListImportMappingsRequest request, ServerCallContext context)
    {
        var response = new ListImportMappingsResponse();
        response.Mappings.AddRange(importMappings.Entries.Select(ImportMappingProtos.ToProto));
        if (!request.ShippedOnly)
        {
            var owner = MappingOwner(context, request.OrganisationCode);
            response.Mappings.AddRange((await uploadedMappings.LatestAsync(owner, context.CancellationToken)).Select(ImportMappingProtos.ToProto));
        }

        return response;
    }

    public override async Task<GetImportMappingResponse> GetImportMapping(GetImportMappingRequest request, ServerCallContext context)
    {
        var problems = new ValidationProblems();
        RequireText(request.MappingId, "mapping_id", problems);
        if (request.Version < 0)
        {
            problems.Add("version", "must be 0 (the latest) or a version number");
        }

        MeasuresErrors.ThrowIfAny(problems);
        var owner = MappingOwner(context, request.OrganisationCode);
        var entry = await uploadedMappings.ResolveAsync(owner, request.MappingId, request.Version, "version", context.CancellationToken);
        var response = new GetImportMappingResponse { Mapping = ImportMappingProtos.ToProto(entry), Document = entry.Document };
        if (entry.Origin == MappingOrigin.Uploaded)
        {
            response.Versions.AddRange((await uploadedMappings.VersionsAsync(owner, entry.Mapping.Id, context.CancellationToken)).Select(ImportMappingProtos.ToProto));
        }

        return response;
    }

    public override async Task<UploadImportMappingResponse> UploadImportMapping(UploadImportMappingRequest request, ServerCallContext context)
    {
        var actor = context.RequireActor();
        var owner = MappingOwner(context, request.OrganisationCode);
        var outcome = await uploadedMappings.UploadAsync(owner, request.Document, request.ValidateOnly, actor, context.CancellationToken);
        var response = new UploadImportMappingResponse { Mapping = ImportMappingProtos.ToProto(outcome.Entry), Stored = outcome.Stored };
        response.MeasuresNotYetDefined.AddRange(outcome.MissingMeasures);
        return response;
    }

    // Whose uploaded mappings a call reads or writes: the organisation it names, which must be the call's target
    // (PERMISSION_DENIED otherwise), else the target itself. Another organisation's mappings are never reached.
    private string MappingOwner(ServerCallContext context, string requested)
    {
        var target = TargetOrganisation.From(context);
        target.Require("organisation_code", requested);
        var code = string.IsNullOrWhiteSpace(requested) ? target.Code : requested.Trim();
        if (!Text.IsOrganisationCode(code))
        {
            throw RpcErrors.InvalidArgument("organisation_code", "is not an organisation code");
        }

        return organisations.Find(code)?.Code ?? code;
    }

    /// <summary>
    /// The header, then chunks fed into a pipe that the importer reads as they arrive (back-pressure pauses
    /// the stream): the file is never held in memory. Chunks left after a fatal header are drained so the
    /// client finishes its upload and reads the report.
    /// </summary>
    public override async Task<ImportCsvResponse> ImportCsv(IAsyncStreamReader<ImportCsvRequest> requestStream, ServerCallContext context)
    {
        var actor = context.RequireActor();
        using var stopFeed = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var messages = requestStream.ReadAllAsync(stopFeed.Token).GetAsyncEnumerator(stopFeed.Token);
        try
        {
            var header = await messages.MoveNextAsync() && messages.Current.PartCase == ImportCsvRequest.PartOneofCase.Header
                ? messages.Current.Header
                : throw RpcErrors.InvalidArgument("header", "the first message must be the header (mapping_id, file_name, ...)");
            var request = ReadHeader(header, TargetOrganisation.From(context));
            request = request with { Mapping = await ResolveMappingAsync(header, context) };
            var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: PipePause, resumeWriterThreshold: PipePause / 2, useSynchronizationContext: false));
            var feed = FeedAsync(messages, pipe.Writer, stopFeed.Token);
            ImportOutcome outcome;
            try
            {
                outcome = await imports.RunAsync(request, pipe.Reader, actor, context.CancellationToken);
            }
            catch
            {
                // Stop reading the upload and let the feed finish before the stream is released.
                await stopFeed.CancelAsync();
                await pipe.Reader.CompleteAsync();
                await Task.WhenAny(feed);
                throw;
            }

            await pipe.Reader.CompleteAsync();
            await feed;
            return new ImportCsvResponse { Report = ImportMappingProtos.ToProto(outcome) };
        }
        finally
        {
            await messages.DisposeAsync();
        }
    }

    // Checks the header before any byte is read (and before a missing measure is defined), so a wrong mapping or
    // organisation fails at once. With a target organisation (a call through the gateway) the scope may name only
    // the target and reference organisations (published geography any analyst may import): anything else is
    // PERMISSION_DENIED here, and rows of other organisations in the file are left out of scope by the runner.
    private ImportRequest ReadHeader(ImportCsvHeader header, TargetOrganisation target)
    {
        var problems = new ValidationProblems();
        if (header.MappingDocument.Length == 0)
        {
            RequireText(header.MappingId, "header.mapping_id", problems);
        }
        else if (!header.DryRun)
        {
            problems.Add("header.mapping_document", "a document is tried in a dry run only (dry_run): upload it (UploadImportMapping) to import with it");
        }

        if (header.MappingVersion < 0)
        {
            problems.Add("header.mapping_version", "must be 0 (the latest) or a version number");
        }

        if (!Text.IsLabel(Path.GetFileName(header.FileName), 255))
        {
            problems.Add("header.file_name", "is required (at most 255 characters)");
        }

        for (var i = 0; i < header.OrganisationCodes.Count; i++)
        {
            if (!Text.IsOrganisationCode(header.OrganisationCodes[i]))
            {
                problems.Add(FieldPath.Index("header.organisation_codes", i), "is not an organisation code");
            }
        }

        MeasuresErrors.ThrowIfAny(problems);
        foreach (var code in header.OrganisationCodes.Where(c => organisations.Find(c) is null))
        {
            throw new Application.ResourceNotFoundException("organisation", code);
        }

        for (var i = 0; !target.IsUnrestricted && i < header.OrganisationCodes.Count; i++)
        {
            if (!target.Is(header.OrganisationCodes[i]) && !organisations.IsReference(header.OrganisationCodes[i]))
            {
                throw TargetOrganisation.NotTarget(FieldPath.Index("header.organisation_codes", i));
            }
        }

        return new ImportRequest(header.MappingId, header.FileName, header.DryRun, [.. header.OrganisationCodes], header.DefineMissingMeasures, target.IsUnrestricted ? null : target.Code);
    }

    // The mapping the header names: a document tried inline (dry runs), a shipped mapping, or a version of the
    // target organisation's uploaded one. Resolved before any byte is read, so an unknown one fails at once.
    private async Task<MappingEntry> ResolveMappingAsync(ImportCsvHeader header, ServerCallContext context)
    {
        if (header.MappingDocument.Length > 0)
        {
            var mapping = uploadedMappings.Parse(header.MappingDocument);
            return new MappingEntry(mapping, MappingOrigin.Inline, header.MappingDocument);
        }

        var owner = MappingOwner(context, string.Empty);
        return await uploadedMappings.ResolveAsync(owner, header.MappingId, header.MappingVersion, "header.mapping_version", context.CancellationToken);
    }

    private static async Task FeedAsync(IAsyncEnumerator<ImportCsvRequest> messages, PipeWriter writer, CancellationToken cancellationToken)
    {
        var reading = true;
        try
        {
            while (await messages.MoveNextAsync())
            {
                if (messages.Current.PartCase != ImportCsvRequest.PartOneofCase.Chunk)
                {
                    throw RpcErrors.InvalidArgument("chunk", "only the first message is a header; the rest are chunks of the file");
                }

                if (reading && (await writer.WriteAsync(messages.Current.Chunk.Memory, cancellationToken)).IsCompleted)
                {
                    reading = false; // the importer stopped (a fatal header): drain the rest
                }
            }

            await writer.CompleteAsync();
        }
        catch (Exception ex)
        {
            await writer.CompleteAsync(ex);
            if (reading)
            {
                throw;
            }
        }
    }
}
