using Npgsql;
using Safeguarding.Measures.Persistence.Bulk;
using Safeguarding.Measures.Grpc;
using Safeguarding.Measures.V1;

namespace Safeguarding.Bench.MeasuresImport;

/// <summary>
/// The file imported through the service (ImportCsv over gRPC: parse, map, check, look up current figures,
/// store in batch transactions with their outbox events), then the same observation rows written by a
/// bare binary COPY into a table of the same shape and indexes: the ceiling an import could reach.
/// </summary>
internal static class PostgresImport
{
    public static async Task<(Measured Ours, Measured Copy, long Observations)> RunAsync(BenchService service, string file, long rows)
    {
        var header = new ImportCsvHeader { MappingId = BenchMapping.Id, FileName = Path.GetFileName(file), DefineMissingMeasures = true };
        var (ours, report) = await Measured.RunAsync(async () =>
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return await service.Client.ImportCsvAsync(header, stream, BenchCaller.Options(TimeSpan.FromHours(2)));
        });
        Console.WriteLine($"service      {rows / ours.WallSeconds,12:N0} rows/s wall ({report.ObservationsRecorded / ours.WallSeconds:N0} observations/s stored)   {ours.WallSeconds:N1} s wall, {ours.CpuSeconds:N1} s CPU in this process (service and client)");
        Console.WriteLine($"             rows read {report.RowsRead:N0}, imported {report.RowsImported:N0}, rejected {report.RowsRejected:N0}; observations recorded {report.ObservationsRecorded:N0} in {report.BatchesCommitted:N0} transactions with their events");

        var (copy, copied) = await CopyBaselineAsync(service.ConnectionString);
        if (copied != report.ObservationsRecorded)
        {
            throw new InvalidOperationException($"COPY wrote {copied} rows, the import stored {report.ObservationsRecorded}");
        }

        Console.WriteLine($"COPY         {rows / copy.WallSeconds,12:N0} rows/s wall ({copied / copy.WallSeconds:N0} observations/s)   {copy.WallSeconds:N1} s wall: binary COPY of the same {copied:N0} observation rows into a table with the same indexes");
        return (ours, copy, copied);
    }

    private static async Task<(Measured Time, long Rows)> CopyBaselineAsync(string connectionString)
    {
        var dump = Path.Combine(Path.GetTempPath(), $"measures-bench-{Environment.ProcessId}.copy");
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using (var output = File.Create(dump))
            await using (var source = await connection.BeginRawBinaryCopyAsync($"COPY (SELECT {PostgresObservationBulkStore.Columns} FROM observations ORDER BY seq) TO STDOUT (FORMAT BINARY)"))
            {
                await source.CopyToAsync(output);
            }

            await using (var create = new NpgsqlCommand("CREATE TABLE observations_copy (LIKE observations INCLUDING ALL)", connection))
            {
                await create.ExecuteNonQueryAsync();
            }

            var (time, _) = await Measured.RunAsync(async () =>
            {
                await using var input = File.OpenRead(dump);
                await using var target = await connection.BeginRawBinaryCopyAsync($"COPY observations_copy ({PostgresObservationBulkStore.Columns}) FROM STDIN (FORMAT BINARY)");
                await input.CopyToAsync(target);
                return true;
            });
            await using var count = new NpgsqlCommand("SELECT count(*) FROM observations_copy", connection);
            return (time, (long)(await count.ExecuteScalarAsync())!);
        }
        finally
        {
            File.Delete(dump);
        }
    }
}
