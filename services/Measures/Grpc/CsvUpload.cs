using Google.Protobuf;
using Grpc.Core;
using Safeguarding.Measures.V1;

namespace Safeguarding.Measures.Grpc;

/// <summary>Uploads a CSV over the client-streaming ImportCsv RPC: the header, then the file in chunks (never whole in memory).</summary>
public static class CsvUpload
{
    /// <summary>Streams <paramref name="file"/> with <paramref name="header"/> and returns the import report.</summary>
    public static async Task<ImportReport> ImportCsvAsync(
        this MeasuresService.MeasuresServiceClient client, ImportCsvHeader header, Stream file, CallOptions options = default, int chunkSize = 64 * 1024)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(file);
        using var call = client.ImportCsv(options);
        try
        {
            await call.RequestStream.WriteAsync(new ImportCsvRequest { Header = header });
            var buffer = new byte[chunkSize];
            int read;
            while ((read = await file.ReadAsync(buffer, options.CancellationToken)) > 0)
            {
                await call.RequestStream.WriteAsync(new ImportCsvRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) });
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is RpcException or OperationCanceledException or IOException or InvalidOperationException
                                   && !options.CancellationToken.IsCancellationRequested)
        {
            // The server ended the call before the upload did (a refused header): its status says why, and the
            // request writer may have reported only the closed stream.
            await call.ResponseAsync;
            throw;
        }

        return (await call.ResponseAsync).Report;
    }
}
