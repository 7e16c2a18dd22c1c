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

    public override Task<ListImportMappingsResponse> ListImportMappings(ListImportMappingsRequest request, ServerCallContext context)
    {
        var response = new ListImportMappingsResponse();
        response.Mappings.AddRange(importMappings.All.Select(ImportMappingProtos.ToProto));
        return Task.FromResult(response);
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
        RequireText(header.MappingId, "header.mapping_id", problems);
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
        importMappings.Find(header.MappingId);
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
