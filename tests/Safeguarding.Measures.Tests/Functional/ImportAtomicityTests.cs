using System.Text;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Events;
using Safeguarding.Measures.Grpc;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Persistence.Outbox;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>
/// An import with define-missing-measures defines the mapping's missing measures in the same transaction as its first
/// committed batch, or not at all: a file that stops on its header, breaks off before the first batch, or has no row
/// to store leaves no definition and no event behind. Each test has a database of its own, so no measure exists
/// before it starts.
/// </summary>
public abstract class ImportAtomicityTests<TFixture> : IAsyncLifetime
    where TFixture : ServiceFixture, new()
{
    private const string Mapping = "generic-monthly-team-audit-example";
    private const string Header = "Month,Agency code,Team,Cases audited,Child remained the focus";
    private static readonly string[] MappingMeasures = ["example.cases_audited", "example.child_focus_maintained"];

    private readonly TFixture _service = new();

    private MeasuresService.MeasuresServiceClient Client => _service.Client;

    public Task InitializeAsync() => _service.InitializeAsync();

    public Task DisposeAsync() => _service.DisposeAsync();

    [Fact]
    public async Task A_file_that_stops_on_its_header_defines_no_measure_and_publishes_no_event()
    {
        var report = await ImportAsync("time_period,new_la_code\n2024,E09000003\n");

        Assert.True(report.Fatal);
        Assert.Contains(report.Problems, p => p.Code == "missing_column");
        Assert.Empty(report.MeasuresDefined);
        Assert.Equal(Nothing, await StoredAsync());
    }

    [Fact]
    public async Task An_upload_that_breaks_off_before_the_first_batch_defines_no_measure_and_publishes_no_event()
    {
        using var call = Client.ImportCsv(Calls.As(organisation: "E12000007"));
        await call.RequestStream.WriteAsync(new ImportCsvRequest { Header = NewHeader() });
        await call.RequestStream.WriteAsync(new ImportCsvRequest { Chunk = Google.Protobuf.ByteString.CopyFromUtf8(Rows(10)) });
        // A second header where the next chunk belongs: the upload is broken, the import stops.
        await call.RequestStream.WriteAsync(new ImportCsvRequest { Header = NewHeader() });
        await call.RequestStream.CompleteAsync();

        var stopped = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, stopped.StatusCode);
        Assert.Equal(Nothing, await StoredAsync());
    }

    [Fact]
    public async Task A_file_whose_rows_are_all_rejected_defines_no_measure()
    {
        var report = await ImportAsync(Header + "\n2024-05,E09000003,All teams,many,some\n2024-06,E09000003,All teams,few,none\n");

        Assert.Equal((2L, 0L, 0), (report.RowsRejected, report.ObservationsRecorded, report.BatchesCommitted));
        Assert.Empty(report.MeasuresDefined);
        var stored = await StoredAsync();
        Assert.Equal((0, 0, 0), (stored.Measures, stored.Revisions, stored.Defined));
    }

    [Fact]
    public async Task A_good_file_defines_the_missing_measures_with_its_first_batch_and_only_once()
    {
        var rows = ServiceFixture.ImportBatchRows * 2 + 50; // three batches
        var report = await ImportAsync(Header + "\n" + Rows(rows));

        Assert.Equal((3, (long)rows * 2), (report.BatchesCommitted, report.ObservationsRecorded));
        Assert.Equal(MappingMeasures, report.MeasuresDefined.Order(StringComparer.Ordinal));
        Assert.Equal((2, 2, 2), (await StoredAsync()).Counts);

        // The definitions' events come before the first batch's: a consumer knows the measures before their figures.
        var events = await _service.WithDbAsync(db => db.Set<OutboxMessage>().OrderBy(m => m.Id).Select(m => m.Topic).ToListAsync());
        Assert.Equal([MeasuresTopics.MeasureDefinedName, MeasuresTopics.MeasureDefinedName, MeasuresTopics.ObservationBatchRecordedName], events.Take(3));

        var again = await ImportAsync(Header + "\n" + Rows(rows));
        Assert.Empty(again.MeasuresDefined);
        Assert.Equal((2, 2, 2), (await StoredAsync()).Counts);
    }

    /// <summary>Nothing stored: no measure, no revision, no event of any kind.</summary>
    private static readonly Stored Nothing = new(0, 0, 0, 0);

    private sealed record Stored(int Measures, int Revisions, int Defined, int Events)
    {
        public (int, int, int) Counts => (Measures, Revisions, Defined);
    }

    private Task<Stored> StoredAsync() => _service.WithDbAsync(async db => new Stored(
        await db.Measures.CountAsync(),
        await db.MeasureRevisions.CountAsync(),
        await db.Set<OutboxMessage>().CountAsync(m => m.Topic == MeasuresTopics.MeasureDefinedName),
        await db.Set<OutboxMessage>().CountAsync()));

    private static ImportCsvHeader NewHeader() => new() { MappingId = Mapping, FileName = "audit.csv", DefineMissingMeasures = true };

    private Task<ImportReport> ImportAsync(string csv) =>
        Client.ImportCsvAsync(NewHeader(), new MemoryStream(Encoding.UTF8.GetBytes(csv)), Calls.As(organisation: "E12000007"), chunkSize: 256);

    /// <summary>Rows of the example layout: one a month per team, all valid.</summary>
    private static string Rows(int count)
    {
        var csv = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            csv.Append($"{2000 + (i / 12)}-{(i % 12) + 1:00},E09000003,Team {(char)('A' + (i % 3))},{10 + (i % 7)},{5 + (i % 5)}\n");
        }

        return csv.ToString();
    }
}

public sealed class SqliteImportAtomicityTests : ImportAtomicityTests<SqliteServiceFixture>;

[Trait("Category", "Integration")]
public sealed class PostgresImportAtomicityTests : ImportAtomicityTests<PostgresServiceFixture>;
