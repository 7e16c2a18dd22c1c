using Google.Protobuf;
using Grpc.Core;
using Safeguarding.Measures.V1;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Gateway;

/// <summary>CSV imports through the gateway: the mappings a person may use, and the client-streaming ImportCsv call.</summary>
public sealed class ImportsGateway(GatewayCalls gateway)
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>An import may take as long as this before it is given up.</summary>
    public static readonly TimeSpan ImportTimeout = TimeSpan.FromMinutes(30);

    public async Task<IReadOnlyList<ImportMapping>> MappingsAsync(SignedInUser person, CancellationToken cancellationToken) =>
        (await gateway.Measures.ListImportMappingsAsync(new ListImportMappingsRequest(), gateway.As(person, cancellationToken))).Mappings;

    /// <summary>
    /// Streams <paramref name="file"/> after <paramref name="header"/>, saying after each chunk how many bytes the
    /// gateway has taken (gRPC flow control: it takes them as the service reads them), and returns the report.
    /// </summary>
    public async Task<ImportReport> ImportAsync(SignedInUser person, ImportCsvHeader header, Stream file, Action<long> sent, CancellationToken cancellationToken)
    {
        using var call = gateway.Measures.ImportCsv(gateway.As(person, ImportTimeout, cancellationToken));
        try
        {
            await call.RequestStream.WriteAsync(new ImportCsvRequest { Header = header }, cancellationToken);
            var buffer = new byte[ChunkSize];
            long total = 0;
            int read;
            while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await call.RequestStream.WriteAsync(new ImportCsvRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) }, cancellationToken);
                sent(total += read);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is RpcException or IOException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            // The service ended the call before the upload did (a refused header): its status says why.
            await call.ResponseAsync;
            throw;
        }

        return (await call.ResponseAsync).Report;
    }
}
