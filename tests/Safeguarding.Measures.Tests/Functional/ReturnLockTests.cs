using System.Text;
using Grpc.Core;
using Safeguarding.Measures.Grpc;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Grpc;
using static Safeguarding.Measures.Tests.Functional.ReturnsFixture;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>
/// The locks: once an agency's return is approved, recording, correcting or importing a figure of one of the dataset's
/// measures (here one defined from a library measure of the London dataset) for a month inside the return's quarter is
/// refused naming the return, and nothing is written; figures outside the quarter or the dataset are not held; a
/// reopened return takes changes again.
/// </summary>
public abstract class ReturnLockTests(ReturnsFixture service)
{
    private const string ChildFocus = AuditImport.ChildFocus;

    private static readonly V1.Period Quarter = new() { Code = "2024-04/P3M" };

    private static CallOptions As(string organisation) => Calls.AsMemberOf(organisation);

    [Fact]
    public async Task Figures_in_an_approved_return_cannot_change_until_it_is_reopened()
    {
        await service.Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = AuditImport.ChildFocusDefinition(), LibraryMeasureId = "cp-cin-planning-measure-7" }, As(Csc));
        var first = await ImportAsync(Row("2024-04", 20, 15) + Row("2024-05", 22, 16) + Row("2024-07", 18, 12));
        Assert.Equal((3L, 0L), (first.RowsImported, first.RowsRejected));
        var april = (await service.Client.ListObservationsAsync(
            new ListObservationsRequest { MeasureId = ChildFocus, PeriodFrom = Month(2024, 4), PeriodTo = Month(2024, 4) }, As(Csc))).Observations.Single();

        await service.Returns.SubmitReturnAsync(new SubmitReturnRequest { OrganisationCode = Csc, DatasetId = London, Period = Quarter }, As(Csc));
        await service.Returns.ApproveReturnsAsync(new ApproveReturnsRequest { DatasetId = London, Period = Quarter, OrganisationCodes = { Csc } }, As(Partnership));
        var before = await service.CountObservationsAsync();

        var recorded = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => service.Client.RecordObservationAsync(
            Record(Month(2024, 5), "Team Z", 9, 10), As(Csc)).ResponseAsync);
        AssertNamesTheReturn(recorded);
        var corrected = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => service.Client.CorrectObservationAsync(
            new CorrectObservationRequest { ObservationId = april.Id, Value = Definitions.Proportion(14, 20), CorrectionReason = "recounted" }, As(Csc)).ResponseAsync);
        AssertNamesTheReturn(corrected);

        // The import rejects the locked month's row (naming the return) and takes the rest.
        var again = await ImportAsync(Row("2024-05", 22, 17) + Row("2024-07", 18, 13));
        Assert.Equal((1L, 1L), (again.RowsImported, again.RowsRejected));
        var problem = Assert.Single(again.Problems, p => p.Code == "return_locked");
        Assert.Equal(2, problem.Row);
        Assert.Contains("2024-04/P3M", problem.Description, StringComparison.Ordinal);
        Assert.Equal(before + 1, await service.CountObservationsAsync()); // July's changed figure supersedes the old one, nothing else

        // Outside the quarter, and outside the dataset, nothing is held.
        await service.Client.RecordObservationAsync(Record(Month(2024, 8), "Team Z", 9, 10), As(Csc));
        await service.Client.RecordObservationAsync(new RecordObservationRequest
        {
            OrganisationCode = Csc, MeasureId = "example.cases_audited", Period = Month(2024, 5), Value = Definitions.Count(3),
            Breakdown = new Breakdown { Items = { new BreakdownItem { Dimension = "team", Value = "Team Z" } } },
        }, As(Csc));

        await service.Returns.ReopenReturnAsync(new ReopenReturnRequest { OrganisationCode = Csc, DatasetId = London, Period = Quarter, Reason = "May audits were graded again" }, As(Partnership));
        await service.Client.RecordObservationAsync(Record(Month(2024, 5), "Team Z", 9, 10), As(Csc));
        await service.Client.CorrectObservationAsync(new CorrectObservationRequest { ObservationId = april.Id, Value = Definitions.Proportion(14, 20), CorrectionReason = "recounted" }, As(Csc));
    }

    private static void AssertNamesTheReturn(RpcException refused)
    {
        Assert.Contains(Csc, refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(London, refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("2024-04/P3M", refused.Status.Detail, StringComparison.Ordinal);
        var info = refused.GetRpcStatus()!.Details.Select(d => d.TryUnpack<Google.Rpc.PreconditionFailure>(out var failure) ? failure : null).Single(f => f is not null)!;
        Assert.Equal("RETURN_LOCKED", Assert.Single(info.Violations).Type);
    }

    private static V1.Period Month(int year, int month) => Definitions.Month(year, month);

    private static RecordObservationRequest Record(V1.Period period, string team, int numerator, int denominator) => new()
    {
        OrganisationCode = Csc,
        MeasureId = ChildFocus,
        Period = period,
        Value = Definitions.Proportion(numerator, denominator),
        Breakdown = new Breakdown { Items = { new BreakdownItem { Dimension = "team", Value = team } } },
    };

    private static string Row(string month, int audited, int focus) => AuditImport.Row(Csc, month, audited, focus);

    private Task<ImportReport> ImportAsync(string rows) => AuditImport.ImportAsync(service, Csc, rows);
}

/// <summary>Imports of the example team audit (child focus, a measure defined from a London dataset library measure).</summary>
internal static class AuditImport
{
    public const string ChildFocus = "example.child_focus_maintained";
    private const string Mapping = "generic-monthly-team-audit-example";
    private const string Header = "Month,Agency code,Team,Cases audited,Child remained the focus";

    public static string Row(string organisation, string month, int audited, int focus) => $"{month},{organisation},All teams,{audited},{focus}\n";

    public static Task<ImportReport> ImportAsync(ReturnsFixture service, string organisation, string rows) => service.Client.ImportCsvAsync(
        new ImportCsvHeader { MappingId = Mapping, FileName = "audit.csv", DefineMissingMeasures = true },
        new MemoryStream(Encoding.UTF8.GetBytes(Header + "\n" + rows)),
        Calls.AsMemberOf(organisation),
        chunkSize: 256);

    public static MeasureDefinition ChildFocusDefinition() => new()
    {
        Id = ChildFocus,
        Title = "% of audited cases in which the child remained the focus of professionals' attention",
        ContentAreaId = "cp-cin-planning",
        Type = InformationType.Quality,
        Source = Source.CaseRecords,
        Method = CollectionMethod.CaseAudit,
        Unit = MeasureUnit.Percentage,
        NumeratorDefinition = "Audited cases graded as keeping the child the focus of professionals' attention",
        DenominatorDefinition = "Case records audited in the month",
        Polarity = Polarity.HigherBetter,
        Frequency = Frequency.Monthly,
        Sampling = Sampling.Sample,
        Breakdowns = { "team" },
    };
}

public sealed class SqliteReturnLockTests(SqliteReturnsFixture service) : ReturnLockTests(service), IClassFixture<SqliteReturnsFixture>;

[Trait("Category", "Integration")]
public sealed class PostgresReturnLockTests(PostgresReturnsFixture service) : ReturnLockTests(service), IClassFixture<PostgresReturnsFixture>;
