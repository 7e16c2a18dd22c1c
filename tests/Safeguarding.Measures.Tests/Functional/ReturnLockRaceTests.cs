using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Measures.Events;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.Persistence;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Grpc;
using static Safeguarding.Measures.Tests.Functional.ReturnsFixture;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>
/// A figure recorded or imported while its return is being approved: the lock is read inside the write's transaction,
/// so the write waits for the approval's transaction and is then refused (an import's row rejected with return_locked),
/// rather than reading "submitted" and slipping in.
/// </summary>
public abstract class ReturnLockRaceTests(ReturnsFixture service)
{
    private static readonly V1.Period Quarter = new() { Code = "2025-04/P3M" };

    [Fact]
    public async Task A_figure_recorded_during_an_approval_waits_for_it_and_is_refused()
    {
        var referrals = (await service.Client.DefineMeasureAsync(new DefineMeasureRequest { LibraryMeasureId = "front-door-services-measure-1", Frequency = Frequency.Monthly }, Calls.AsMemberOf(Health))).Definition.Id;
        await service.Client.RecordObservationAsync(Record(referrals, 4, 30), Calls.AsMemberOf(Health));
        await service.Returns.SubmitReturnAsync(new SubmitReturnRequest { OrganisationCode = Health, DatasetId = London, Period = Quarter }, Calls.AsMemberOf(Health));
        var before = await service.CountObservationsAsync();

        // An approval in flight: its transaction has moved the return's row and not yet committed.
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeasuresDbContext>();
        var approving = await db.Database.BeginTransactionAsync();
        var approved = Safeguarding.Measures.Domain.WireNames.ToWire(Safeguarding.Measures.Domain.ReturnState.Approved);
        Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE returns SET state = {approved} WHERE organisation_code = {Health} AND dataset_id = {London} AND period_code = {Quarter.Code}"));

        var recording = service.Client.RecordObservationAsync(Record(referrals, 5, 35), Calls.AsMemberOf(Health)).ResponseAsync;
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(recording.IsCompleted, "the write did not wait for the approval in flight");

        await approving.CommitAsync();
        await approving.DisposeAsync();
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => recording);
        Assert.Equal(before, await service.CountObservationsAsync());
    }

    [Fact]
    public async Task An_import_written_during_an_approval_waits_for_it_and_its_rows_in_the_return_are_rejected()
    {
        await service.Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = AuditImport.ChildFocusDefinition(), LibraryMeasureId = "cp-cin-planning-measure-7" }, Calls.AsMemberOf(Csc));
        await AuditImport.ImportAsync(service, Csc, AuditImport.Row(Csc, "2024-04", 20, 15));
        var quarter = new V1.Period { Code = "2024-04/P3M" };
        await service.Returns.SubmitReturnAsync(new SubmitReturnRequest { OrganisationCode = Csc, DatasetId = London, Period = quarter }, Calls.AsMemberOf(Csc));
        var before = await service.CountObservationsAsync();

        // The approval is in flight when the import starts, so the import reads the return as submitted.
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeasuresDbContext>();
        var approving = await db.Database.BeginTransactionAsync();
        var approved = Safeguarding.Measures.Domain.WireNames.ToWire(Safeguarding.Measures.Domain.ReturnState.Approved);
        Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE returns SET state = {approved} WHERE organisation_code = {Csc} AND dataset_id = {London} AND period_code = {quarter.Code}"));

        var importing = AuditImport.ImportAsync(service, Csc, AuditImport.Row(Csc, "2024-05", 22, 16) + AuditImport.Row(Csc, "2024-07", 18, 12));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(importing.IsCompleted, "the import's write did not wait for the approval in flight");

        await approving.CommitAsync();
        await approving.DisposeAsync();
        var report = await importing;
        Assert.Equal((1L, 1L), (report.RowsImported, report.RowsRejected));
        var problem = Assert.Single(report.Problems, p => p.Code == "return_locked");
        Assert.Equal(2, problem.Row);
        Assert.Contains(quarter.Code, problem.Description, StringComparison.Ordinal);
        Assert.Equal(before + 2, await service.CountObservationsAsync()); // July's two figures only: May's fell in the return approved meanwhile

        // Its batch events carry exactly what was stored, numbered from 1 as ever.
        var batches = (await service.OutboxAsync(MeasuresTopics.ObservationBatchRecordedName))
            .Select(m => ProtoCloudEvents.ReadData<ObservationBatchRecorded>(ProtoCloudEvents.Decode(m.Envelope)))
            .Where(b => b.ImportId == report.ImportId).ToList();
        Assert.Equal([1], batches.Select(b => b.Sequence));
        Assert.Equal(["2024-07/P1M", "2024-07/P1M"], batches.SelectMany(b => b.Groups.SelectMany(g => g.Figures.Select(_ => g.PeriodCode))));
    }

    private static RecordObservationRequest Record(string measureId, int month, int count) =>
        new() { OrganisationCode = Health, MeasureId = measureId, Period = Definitions.Month(2025, month), Value = Definitions.Count(count) };
}

public sealed class SqliteReturnLockRaceTests(SqliteReturnsFixture service) : ReturnLockRaceTests(service), IClassFixture<SqliteReturnsFixture>;

[Trait("Category", "Integration")]
public sealed class PostgresReturnLockRaceTests(PostgresReturnsFixture service) : ReturnLockRaceTests(service), IClassFixture<PostgresReturnsFixture>;
