using Safeguarding.Measures.V1;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Measures.Grpc;

/// <summary>Typed client for safeguarding.measures.v1.MeasuresService (the HealthClient pattern).</summary>
public sealed class MeasuresClient(GrpcChannel channel)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = MeasuresGrpcService.Descriptor;
    private static readonly Method<GetFrameworkLibraryRequest, FrameworkLibrary> GetFrameworkLibraryMethod = Method.Create<GetFrameworkLibraryRequest, FrameworkLibrary>(Service, "GetFrameworkLibrary");
    private static readonly Method<ListOrganisationsRequest, ListOrganisationsResponse> ListOrganisationsMethod = Method.Create<ListOrganisationsRequest, ListOrganisationsResponse>(Service, "ListOrganisations");
    private static readonly Method<ListContentAreasRequest, ListContentAreasResponse> ListContentAreasMethod = Method.Create<ListContentAreasRequest, ListContentAreasResponse>(Service, "ListContentAreas");
    private static readonly Method<AdoptContentAreaRequest, ContentArea> AdoptContentAreaMethod = Method.Create<AdoptContentAreaRequest, ContentArea>(Service, "AdoptContentArea");
    private static readonly Method<AddContentAreaRequest, ContentArea> AddContentAreaMethod = Method.Create<AddContentAreaRequest, ContentArea>(Service, "AddContentArea");
    private static readonly Method<UpdateContentAreaRequest, ContentArea> UpdateContentAreaMethod = Method.Create<UpdateContentAreaRequest, ContentArea>(Service, "UpdateContentArea");
    private static readonly Method<RetireContentAreaRequest, ContentArea> RetireContentAreaMethod = Method.Create<RetireContentAreaRequest, ContentArea>(Service, "RetireContentArea");
    private static readonly Method<DefineMeasureRequest, Measure> DefineMeasureMethod = Method.Create<DefineMeasureRequest, Measure>(Service, "DefineMeasure");
    private static readonly Method<ReviseMeasureRequest, ReviseMeasureResponse> ReviseMeasureMethod = Method.Create<ReviseMeasureRequest, ReviseMeasureResponse>(Service, "ReviseMeasure");
    private static readonly Method<GetMeasureRequest, Measure> GetMeasureMethod = Method.Create<GetMeasureRequest, Measure>(Service, "GetMeasure");
    private static readonly Method<ListMeasuresRequest, ListMeasuresResponse> ListMeasuresMethod = Method.Create<ListMeasuresRequest, ListMeasuresResponse>(Service, "ListMeasures");
    private static readonly Method<RetireMeasureRequest, Measure> RetireMeasureMethod = Method.Create<RetireMeasureRequest, Measure>(Service, "RetireMeasure");
    private static readonly Method<RecordObservationRequest, RecordObservationResponse> RecordObservationMethod = Method.Create<RecordObservationRequest, RecordObservationResponse>(Service, "RecordObservation");
    private static readonly Method<CorrectObservationRequest, Observation> CorrectObservationMethod = Method.Create<CorrectObservationRequest, Observation>(Service, "CorrectObservation");
    private static readonly Method<ListObservationsRequest, ListObservationsResponse> ListObservationsMethod = Method.Create<ListObservationsRequest, ListObservationsResponse>(Service, "ListObservations");
    private static readonly Method<GetSeriesRequest, GetSeriesResponse> GetSeriesMethod = Method.Create<GetSeriesRequest, GetSeriesResponse>(Service, "GetSeries");
    private static readonly Method<AggregateMeasureRequest, AggregateMeasureResponse> AggregateMeasureMethod = Method.Create<AggregateMeasureRequest, AggregateMeasureResponse>(Service, "AggregateMeasure");
    private static readonly Method<GetBalanceOfInformationRequest, GetBalanceOfInformationResponse> GetBalanceOfInformationMethod = Method.Create<GetBalanceOfInformationRequest, GetBalanceOfInformationResponse>(Service, "GetBalanceOfInformation");
    private static readonly Method<ListImportMappingsRequest, ListImportMappingsResponse> ListImportMappingsMethod = Method.Create<ListImportMappingsRequest, ListImportMappingsResponse>(Service, "ListImportMappings");
    private static readonly Method<ImportCsvRequest, ImportCsvResponse> ImportCsvMethod = Method.Create<ImportCsvRequest, ImportCsvResponse>(Service, "ImportCsv");

    public AsyncUnaryCall<FrameworkLibrary> GetFrameworkLibraryAsync(GetFrameworkLibraryRequest request, CallOptions options = default) => channel.UnaryCall(GetFrameworkLibraryMethod, request, options);

    public AsyncUnaryCall<ListOrganisationsResponse> ListOrganisationsAsync(ListOrganisationsRequest request, CallOptions options = default) => channel.UnaryCall(ListOrganisationsMethod, request, options);

    public AsyncUnaryCall<ListContentAreasResponse> ListContentAreasAsync(ListContentAreasRequest request, CallOptions options = default) => channel.UnaryCall(ListContentAreasMethod, request, options);

    public AsyncUnaryCall<ContentArea> AdoptContentAreaAsync(AdoptContentAreaRequest request, CallOptions options = default) => channel.UnaryCall(AdoptContentAreaMethod, request, options);

    public AsyncUnaryCall<ContentArea> AddContentAreaAsync(AddContentAreaRequest request, CallOptions options = default) => channel.UnaryCall(AddContentAreaMethod, request, options);

    public AsyncUnaryCall<ContentArea> UpdateContentAreaAsync(UpdateContentAreaRequest request, CallOptions options = default) => channel.UnaryCall(UpdateContentAreaMethod, request, options);

    public AsyncUnaryCall<ContentArea> RetireContentAreaAsync(RetireContentAreaRequest request, CallOptions options = default) => channel.UnaryCall(RetireContentAreaMethod, request, options);

    public AsyncUnaryCall<Measure> DefineMeasureAsync(DefineMeasureRequest request, CallOptions options = default) => channel.UnaryCall(DefineMeasureMethod, request, options);

    public AsyncUnaryCall<ReviseMeasureResponse> ReviseMeasureAsync(ReviseMeasureRequest request, CallOptions options = default) => channel.UnaryCall(ReviseMeasureMethod, request, options);

    public AsyncUnaryCall<Measure> GetMeasureAsync(GetMeasureRequest request, CallOptions options = default) => channel.UnaryCall(GetMeasureMethod, request, options);

    public AsyncUnaryCall<ListMeasuresResponse> ListMeasuresAsync(ListMeasuresRequest request, CallOptions options = default) => channel.UnaryCall(ListMeasuresMethod, request, options);

    public AsyncUnaryCall<Measure> RetireMeasureAsync(RetireMeasureRequest request, CallOptions options = default) => channel.UnaryCall(RetireMeasureMethod, request, options);

    public AsyncUnaryCall<RecordObservationResponse> RecordObservationAsync(RecordObservationRequest request, CallOptions options = default) => channel.UnaryCall(RecordObservationMethod, request, options);

    public AsyncUnaryCall<Observation> CorrectObservationAsync(CorrectObservationRequest request, CallOptions options = default) => channel.UnaryCall(CorrectObservationMethod, request, options);

    public AsyncUnaryCall<ListObservationsResponse> ListObservationsAsync(ListObservationsRequest request, CallOptions options = default) => channel.UnaryCall(ListObservationsMethod, request, options);

    public AsyncUnaryCall<GetSeriesResponse> GetSeriesAsync(GetSeriesRequest request, CallOptions options = default) => channel.UnaryCall(GetSeriesMethod, request, options);

    public AsyncUnaryCall<AggregateMeasureResponse> AggregateMeasureAsync(AggregateMeasureRequest request, CallOptions options = default) => channel.UnaryCall(AggregateMeasureMethod, request, options);

    public AsyncUnaryCall<GetBalanceOfInformationResponse> GetBalanceOfInformationAsync(GetBalanceOfInformationRequest request, CallOptions options = default) => channel.UnaryCall(GetBalanceOfInformationMethod, request, options);

    public AsyncUnaryCall<ListImportMappingsResponse> ListImportMappingsAsync(ListImportMappingsRequest request, CallOptions options = default) => channel.UnaryCall(ListImportMappingsMethod, request, options);

    /// <summary>Starts an import: write the header, then the file in chunks, complete, await the report.</summary>
    public AsyncClientStreamingCall<ImportCsvRequest, ImportCsvResponse> ImportCsv(CallOptions options = default) => channel.ClientStreamingCall(ImportCsvMethod, options);

    /// <summary>Streams a file (never whole in memory) with a header and returns the import report.</summary>
    public async Task<ImportReport> ImportCsvAsync(ImportCsvHeader header, Stream file, CallOptions options = default, int chunkSize = 64 * 1024)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(file);
        using var call = ImportCsv(options);
        try
        {
            await call.RequestStream.WriteAsync(new ImportCsvRequest { Header = header });
            var buffer = new byte[chunkSize];
            int read;
            while ((read = await file.ReadAsync(buffer, options.CancellationToken)) > 0)
            {
                await call.RequestStream.WriteAsync(new ImportCsvRequest { Chunk = Google.Protobuf.ByteString.CopyFrom(buffer, 0, read) });
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && !options.CancellationToken.IsCancellationRequested)
        {
            // The server ended the call before the upload did (a refused header): its status says why. The
            // request writer can report the closed stream instead of that status when it loses the race.
            await call.ResponseAsync;
            throw;
        }

        return (await call.ResponseAsync).Report;
    }
}
