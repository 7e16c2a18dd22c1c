using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Grpc;
using Safeguarding.Measures.Tests.Support;
using Safeguarding.Measures.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Platform.Persistence.Outbox;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>
/// The target-organisation rule: one measures instance serves several organisations and the gateway checks only
/// x-sg-target-organisation, so the service holds the body to it. With the header, a request naming another
/// organisation is PERMISSION_DENIED (another organisation's observation or measure addressed by id: NOT_FOUND) and
/// writes nothing; naming the target works; without the header (a trusted caller in the cluster) nothing changes.
/// </summary>
public abstract class TargetOrganisationTests(ServiceFixture service)
{
    /// <summary>The organisation the calls are for (Barnet).</summary>
    private const string A = "E09000003";

    /// <summary>Another organisation on the same instance: configured, not reference geography.</summary>
    private const string B = ServiceFixture.SuccessorCode;

    /// <summary>Reference geography (Barking and Dagenham): published figures any analyst may import.</summary>
    private const string Reference = "E09000002";

    private const string Mapping = "ees-cin-referrals-rereferrals";
    private const string Referrals = "cin.referrals";

    /// <summary>
    /// RPCs whose requests name no organisation's rows, left as they were: the library, the organisation registry,
    /// and reading and defining measures (one set of definitions per instance, which every
    /// organisation on it reads and records against; a new one is owned by the target, never an organisation from
    /// the body, and only its owner revises or retires it).
    /// </summary>
    private static readonly string[] NamesNoOrganisation =
        ["GetFrameworkLibrary", "ListOrganisations", "DefineMeasure", "GetMeasure", "ListMeasures"];

    private MeasuresService.MeasuresServiceClient Client => service.Client;

    /// <summary>One organisation-bearing RPC: given the organisation to name, sets up (as a trusted caller) and returns the call.</summary>
    private sealed record Case(string Method, StatusCode Denied, Func<string, Task<Func<CallOptions, Task>>> Prepare);

    [Fact]
    public void Every_rpc_of_the_service_is_checked_here_unless_it_names_no_organisation()
    {
        var checkedMethods = Cases().Select(c => c.Method).ToList();

        Assert.Equal(checkedMethods.Count, checkedMethods.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(checkedMethods.Intersect(NamesNoOrganisation, StringComparer.Ordinal));
        Assert.Equal(
            MeasuresService.Descriptor.Methods.Select(m => m.Name).Order(StringComparer.Ordinal),
            checkedMethods.Concat(NamesNoOrganisation).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Naming_another_organisation_is_refused_and_writes_nothing_naming_the_target_works_and_without_the_header_nothing_changes()
    {
        await DefineMeasuresAsync();
        foreach (var rpc in Cases())
        {
            var denied = await rpc.Prepare(B);
            var before = await SnapshotAsync();
            var refused = await Assert.ThrowsAsync<RpcException>(() => denied(For(A)));
            Assert.True(refused.StatusCode == rpc.Denied, $"{rpc.Method}: expected {rpc.Denied}, got {refused.StatusCode}: {refused.Status.Detail}");
            Assert.DoesNotContain(B, refused.Status.Detail, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(before, await SnapshotAsync());
            if (rpc.Denied == StatusCode.PermissionDenied)
            {
                Assert.Equal(TargetOrganisation.NotTargetReason, refused.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
            }

            await Succeeds(rpc.Method + " for the target", await rpc.Prepare(A), For(A));
            await Succeeds(rpc.Method + " for the target, spelt in lower case", await rpc.Prepare(A.ToLowerInvariant()), For(A));
            await Succeeds(rpc.Method + " without a target", await rpc.Prepare(B), For(null));
        }
    }

    [Fact]
    public async Task Another_organisations_observation_is_answered_exactly_as_a_missing_one()
    {
        var measure = await DefineMeasuresAsync();
        var theirs = await RecordAsync(measure, B, 2051, 100, For(null));
        var correction = new CorrectObservationRequest { Value = Definitions.Count(101), CorrectionReason = "late referrals" };

        correction.ObservationId = theirs.Id;
        var hidden = await RpcAssert.NotFoundAsync("observation", () => Client.CorrectObservationAsync(correction, For(A)).ResponseAsync);
        correction.ObservationId = Guid.NewGuid().ToString();
        var missing = await RpcAssert.NotFoundAsync("observation", () => Client.CorrectObservationAsync(correction, For(A)).ResponseAsync);

        Assert.Equal(theirs.Id, hidden.ResourceName);
        Assert.Equal(missing.Description, hidden.Description);
        var current = await Client.ListObservationsAsync(new ListObservationsRequest { OrganisationCodes = { B }, MeasureId = measure }, For(null));
        // Other tests share the database (PostgreSQL class fixture): what matters is that theirs was not corrected.
        Assert.Contains(current.Observations, o => o.Id == theirs.Id);
        Assert.DoesNotContain(current.Observations, o => o.SupersedesObservationId == theirs.Id);
    }

    [Fact]
    public async Task Another_organisations_measure_is_answered_exactly_as_a_missing_one_and_stays_as_it_was()
    {
        var theirs = await DefineOwnMeasureAsync(B);
        var missing = Calls.NewMeasureId("missing");
        var before = await SnapshotAsync();

        // The message and details are those of an id that does not exist, with the id asked for.
        async Task<string> NotFound(string id, Func<Task> call)
        {
            var refused = await RpcAssert.FailsAsync(StatusCode.NotFound, call);
            var info = refused.GetDetail<Google.Rpc.ResourceInfo>();
            return $"{refused.Status.Detail}|{info?.ResourceType}|{info?.ResourceName}".Replace(id, "<id>", StringComparison.Ordinal);
        }

        ReviseMeasureRequest Revise(string id) => new() { Measure = Definitions.MonthlyCount(id) };
        RetireMeasureRequest Retire(string id) => new() { MeasureId = id, Reason = "gone" };
        Assert.Equal(
            await NotFound(missing, () => Client.ReviseMeasureAsync(Revise(missing), For(A)).ResponseAsync),
            await NotFound(theirs, () => Client.ReviseMeasureAsync(Revise(theirs), For(A)).ResponseAsync));
        Assert.Equal(
            await NotFound(missing, () => Client.RetireMeasureAsync(Retire(missing), For(A)).ResponseAsync),
            await NotFound(theirs, () => Client.RetireMeasureAsync(Retire(theirs), For(A)).ResponseAsync));
        Assert.Equal(before, await SnapshotAsync());
        var stored = await Client.GetMeasureAsync(new GetMeasureRequest { MeasureId = theirs }, For(A));
        Assert.Equal((B, false, 1), (stored.OwnerOrganisationCode, stored.Retired, stored.Revision));

        // Its owner, and a trusted caller inside the cluster, still can.
        var renamed = Definitions.MonthlyCount(theirs);
        renamed.Title = "Renamed by its owner";
        Assert.Equal(2, (await Client.ReviseMeasureAsync(new ReviseMeasureRequest { Measure = renamed }, For(B))).Measure.Revision);
        Assert.True((await Client.RetireMeasureAsync(new RetireMeasureRequest { MeasureId = theirs, Reason = "replaced" }, For(null))).Retired);
    }

    [Fact]
    public async Task With_a_target_a_read_that_names_no_organisation_covers_the_target_only()
    {
        var measure = await DefineMeasuresAsync();
        await RecordAsync(measure, A, 2052, 10, For(null));
        await RecordAsync(measure, B, 2052, 20, For(null));

        var year = Definitions.Year(2052);

        var listed = await Client.ListObservationsAsync(new ListObservationsRequest { MeasureId = measure, PeriodFrom = year, PeriodTo = year }, For(A));
        var totalled = await Client.AggregateMeasureAsync(new AggregateMeasureRequest { MeasureId = measure, Periods = { year } }, For(A));
        var everyone = await Client.ListObservationsAsync(new ListObservationsRequest { MeasureId = measure, PeriodFrom = year, PeriodTo = year }, For(null));

        Assert.Equal([A], listed.Observations.Select(o => o.OrganisationCode));
        Assert.Equal([A], totalled.OrganisationCodes);
        Assert.Equal("10", Assert.Single(totalled.Totals).Amount);
        Assert.Equal([B, A], everyone.Observations.Select(o => o.OrganisationCode).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reference_rpcs_answer_the_same_with_a_target()
    {
        var measure = await DefineMeasuresAsync();

        Assert.Equal(await Client.ListOrganisationsAsync(new ListOrganisationsRequest { ParentCode = "E12000007" }, For(null)), await Client.ListOrganisationsAsync(new ListOrganisationsRequest { ParentCode = "E12000007" }, For(A)));
        Assert.Equal((await Client.GetMeasureAsync(new GetMeasureRequest { MeasureId = measure }, For(null))).MeaningHash, (await Client.GetMeasureAsync(new GetMeasureRequest { MeasureId = measure }, For(A))).MeaningHash);
        Assert.Equal(await Client.ListImportMappingsAsync(new ListImportMappingsRequest(), For(null)), await Client.ListImportMappingsAsync(new ListImportMappingsRequest(), For(A)));
        Assert.NotEmpty((await Client.GetFrameworkLibraryAsync(new GetFrameworkLibraryRequest(), For(A))).ContentAreas);
        Assert.NotEmpty((await Client.ListMeasuresAsync(new ListMeasuresRequest(), For(A))).Measures);
    }

    [Fact]
    public async Task An_import_for_a_target_takes_the_targets_and_reference_rows_and_leaves_other_organisations_out()
    {
        await DefineMeasuresAsync();
        var csv = Csv((2061, A, 1000), (2061, Reference, 2000), (2061, B, 3000), (2061, "E12000007", 4000));
        var before = await service.CountObservationsAsync();

        var report = await ImportAsync(csv, For(A));

        Assert.Equal((4L, 1L), (report.RowsRead, report.RowsOutOfScope));
        Assert.Equal(0, report.RowsRejected);
        var period = new Period { Code = "2060-04/P12M" };
        var stored = await Client.ListObservationsAsync(new ListObservationsRequest { MeasureId = Referrals, PeriodFrom = period, PeriodTo = period }, For(null));
        Assert.Equal(new[] { A, Reference, "E12000007" }.Order(StringComparer.Ordinal), stored.Observations.Select(o => o.OrganisationCode).Order(StringComparer.Ordinal));
        Assert.Empty((await Client.ListObservationsAsync(new ListObservationsRequest { OrganisationCodes = { B }, PeriodFrom = period, PeriodTo = period }, For(null))).Observations);
        Assert.Equal(before + report.ObservationsRecorded, await service.CountObservationsAsync());

        // A scope naming reference geography is published data: allowed with any target.
        var scoped = await ImportAsync(Csv((2062, Reference, 2100), (2062, B, 3100)), For(A), Reference);
        Assert.Equal((2L, 1L, 0L), (scoped.RowsRead, scoped.RowsOutOfScope, scoped.RowsRejected));

        // The same file without a target (a trusted caller) takes every row, as before.
        var trusted = await ImportAsync(csv, For(null));
        Assert.Equal(0, trusted.RowsOutOfScope);
        Assert.Single((await Client.ListObservationsAsync(new ListObservationsRequest { MeasureId = Referrals, OrganisationCodes = { B }, PeriodFrom = period, PeriodTo = period }, For(null))).Observations);
    }

    [Fact]
    public async Task Published_reference_figures_a_target_imported_are_read_back_and_other_organisations_stay_refused()
    {
        await DefineMeasuresAsync();
        await ImportAsync(Csv((2063, Reference, 2200), (2063, "E12000007", 4400)), For(A), Reference, "E12000007");
        var year = Definitions.Year(2063);

        var series = await Client.GetSeriesAsync(new GetSeriesRequest { OrganisationCode = Reference, MeasureId = Referrals }, For(A));
        var listed = await Client.ListObservationsAsync(new ListObservationsRequest { OrganisationCodes = { Reference, "e12000007" }, MeasureId = Referrals, PeriodFrom = year, PeriodTo = year }, For(A));
        var totalled = await Client.AggregateMeasureAsync(new AggregateMeasureRequest { MeasureId = Referrals, OrganisationCodes = { A, Reference }, Periods = { year } }, For(A));

        Assert.Equal("2200", series.Points.Single(p => p.Period.Code == "2062-04/P12M").Value);
        Assert.Equal(new[] { Reference, "E12000007" }, listed.Observations.Select(o => o.OrganisationCode).Order(StringComparer.Ordinal));
        Assert.Contains(Reference, totalled.OrganisationCodes);

        // Another organisation's rows stay refused, beside a reference code or alone, and a reference parent (which
        // would total the organisations under it) too.
        var refused = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Client.ListObservationsAsync(new ListObservationsRequest { OrganisationCodes = { Reference, B } }, For(A)).ResponseAsync);
        Assert.Contains("organisation_codes[1]", refused.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(B, refused.Status.Detail, StringComparison.OrdinalIgnoreCase);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Client.GetSeriesAsync(new GetSeriesRequest { OrganisationCode = B, MeasureId = Referrals }, For(A)).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Client.AggregateMeasureAsync(new AggregateMeasureRequest { MeasureId = Referrals, OrganisationCodes = { Reference, B } }, For(A)).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Client.AggregateMeasureAsync(new AggregateMeasureRequest { MeasureId = Referrals, ParentCode = "E12000007" }, For(A)).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Client.GetBalanceOfInformationAsync(new GetBalanceOfInformationRequest { OrganisationCode = Reference, Window = year }, For(A)).ResponseAsync);
    }

    private IEnumerable<Case> Cases()
    {
        var areas = new Queue<string>(["domestic-violence", "parental-mental-health", "parental-substance-misuse", "looked-after-children", "disabled-children"]);
        var year = 2030;
        yield return new("ListContentAreas", StatusCode.PermissionDenied, org =>
            Call(o => Client.ListContentAreasAsync(new ListContentAreasRequest { OrganisationCode = org }, o).ResponseAsync));
        yield return new("AdoptContentArea", StatusCode.PermissionDenied, org =>
        {
            var area = areas.Dequeue(); // a fresh library area each time: adopting one twice is ALREADY_EXISTS
            return Call(o => Client.AdoptContentAreaAsync(new AdoptContentAreaRequest { OrganisationCode = org, LibraryContentAreaId = area }, o).ResponseAsync);
        });
        yield return new("AddContentArea", StatusCode.PermissionDenied, org =>
            Call(o => Client.AddContentAreaAsync(new AddContentAreaRequest { OrganisationCode = org, ContentArea = OwnArea() }, o).ResponseAsync));
        yield return new("UpdateContentArea", StatusCode.PermissionDenied, async org =>
        {
            var area = await Client.AddContentAreaAsync(new AddContentAreaRequest { OrganisationCode = org, ContentArea = OwnArea() }, For(null));
            area.Title = "Renamed";
            return o => Client.UpdateContentAreaAsync(new UpdateContentAreaRequest { ContentArea = area }, o).ResponseAsync;
        });
        yield return new("RetireContentArea", StatusCode.PermissionDenied, async org =>
        {
            var area = await Client.AddContentAreaAsync(new AddContentAreaRequest { OrganisationCode = org, ContentArea = OwnArea() }, For(null));
            return o => Client.RetireContentAreaAsync(new RetireContentAreaRequest { OrganisationCode = org, ContentAreaId = area.Id, Reason = "merged" }, o).ResponseAsync;
        });
        yield return new("ReviseMeasure", StatusCode.NotFound, async org =>
        {
            var measure = await DefineOwnMeasureAsync(org);
            var retitled = Definitions.MonthlyCount(measure);
            retitled.Title = "Renamed";
            return o => Client.ReviseMeasureAsync(new ReviseMeasureRequest { Measure = retitled }, o).ResponseAsync;
        });
        yield return new("RetireMeasure", StatusCode.NotFound, async org =>
        {
            var measure = await DefineOwnMeasureAsync(org);
            return o => Client.RetireMeasureAsync(new RetireMeasureRequest { MeasureId = measure, Reason = "replaced" }, o).ResponseAsync;
        });
        yield return new("RecordObservation", StatusCode.PermissionDenied, org =>
        {
            var period = Definitions.Year(++year);
            return Call(o => Client.RecordObservationAsync(new RecordObservationRequest { OrganisationCode = org, MeasureId = Referrals, Period = period, Value = Definitions.Count(5) }, o).ResponseAsync);
        });
        yield return new("CorrectObservation", StatusCode.NotFound, async org =>
        {
            var recorded = await RecordAsync(Referrals, org, ++year, 7, For(null));
            return o => Client.CorrectObservationAsync(new CorrectObservationRequest { ObservationId = recorded.Id, Value = Definitions.Count(8), CorrectionReason = "recount" }, o).ResponseAsync;
        });
        yield return new("ListObservations", StatusCode.PermissionDenied, org =>
            Call(o => Client.ListObservationsAsync(new ListObservationsRequest { OrganisationCodes = { A, org }, MeasureId = Referrals }, o).ResponseAsync));
        yield return new("GetSeries", StatusCode.PermissionDenied, org =>
            Call(o => Client.GetSeriesAsync(new GetSeriesRequest { OrganisationCode = org, MeasureId = Referrals }, o).ResponseAsync));
        yield return new("AggregateMeasure", StatusCode.PermissionDenied, org =>
            Call(o => Client.AggregateMeasureAsync(new AggregateMeasureRequest { MeasureId = Referrals, OrganisationCodes = { org } }, o).ResponseAsync));
        yield return new("GetBalanceOfInformation", StatusCode.PermissionDenied, org =>
            Call(o => Client.GetBalanceOfInformationAsync(new GetBalanceOfInformationRequest { OrganisationCode = org, Window = Definitions.Year(2031) }, o).ResponseAsync));
        yield return new("ListImportMappings", StatusCode.PermissionDenied, org =>
            Call(o => Client.ListImportMappingsAsync(new ListImportMappingsRequest { OrganisationCode = org }, o).ResponseAsync));
        yield return new("GetImportMapping", StatusCode.PermissionDenied, async org =>
        {
            var id = "target-" + Guid.NewGuid().ToString("N")[..12];
            await Client.UploadImportMappingAsync(new UploadImportMappingRequest { OrganisationCode = org, Document = ImportMappingApiTests.WideMapping(id) }, For(null));
            return o => Client.GetImportMappingAsync(new GetImportMappingRequest { OrganisationCode = org, MappingId = id }, o).ResponseAsync;
        });
        yield return new("UploadImportMapping", StatusCode.PermissionDenied, org =>
        {
            var id = "target-" + Guid.NewGuid().ToString("N")[..12];
            return Call(o => Client.UploadImportMappingAsync(new UploadImportMappingRequest { OrganisationCode = org, Document = ImportMappingApiTests.WideMapping(id) }, o).ResponseAsync);
        });
        yield return new("ImportCsv", StatusCode.PermissionDenied, org =>
        {
            var csv = Csv((++year + 100, org, 1000));
            return Call(o => ImportAsync(csv, o, org));
        });
    }

    // The parent code of an aggregate is checked the same way as its organisation codes.
    [Fact]
    public async Task An_aggregate_under_another_organisation_is_refused()
    {
        await DefineMeasuresAsync();
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Client.AggregateMeasureAsync(new AggregateMeasureRequest { MeasureId = Referrals, ParentCode = "E13000002" }, For(A)).ResponseAsync);
        Assert.Empty((await Client.AggregateMeasureAsync(new AggregateMeasureRequest { MeasureId = Referrals, ParentCode = A }, For(A))).OrganisationCodes);
        Assert.NotEmpty((await Client.AggregateMeasureAsync(new AggregateMeasureRequest { MeasureId = Referrals, ParentCode = "E13000002" }, For(null))).OrganisationCodes);
    }

    private static Task<Func<CallOptions, Task>> Call(Func<CallOptions, Task> call) => Task.FromResult(call);

    private static async Task Succeeds(string what, Func<CallOptions, Task> call, CallOptions options)
    {
        try
        {
            await call(options);
        }
        catch (RpcException ex)
        {
            Assert.Fail($"{what}: {ex.StatusCode} {ex.Status.Detail}");
        }
    }

    /// <summary>Call options as the gateway sends them for a member of A: with another target, the gateway's grant; null leaves the target header out.</summary>
    private static CallOptions For(string? target) => target is null ? Calls.As(organisation: A) : Calls.AsMemberOf(A, target);

    /// <summary>The import mapping's measures (cin.referrals among them), defined once per class.</summary>
    private async Task<string> DefineMeasuresAsync()
    {
        await ImportAsync(Csv((2050, Reference, 1000)), For(null));
        return Referrals;
    }

    /// <summary>A new measure defined for <paramref name="organisation"/> (the target of the call, so its owner).</summary>
    private async Task<string> DefineOwnMeasureAsync(string organisation)
    {
        var id = Calls.NewMeasureId("owned");
        var defined = await Client.DefineMeasureAsync(new DefineMeasureRequest { Measure = Definitions.MonthlyCount(id) }, For(organisation));
        Assert.Equal(organisation, defined.OwnerOrganisationCode, ignoreCase: true);
        return id;
    }

    private async Task<V1.Observation> RecordAsync(string measure, string organisation, int year, decimal count, CallOptions options) =>
        (await Client.RecordObservationAsync(new RecordObservationRequest { OrganisationCode = organisation, MeasureId = measure, Period = Definitions.Year(year), Value = Definitions.Count(count) }, options)).Observation;

    private async Task<ImportReport> ImportAsync(string csv, CallOptions options, params string[] organisations)
    {
        var header = new ImportCsvHeader { MappingId = Mapping, FileName = "target-test.csv", DefineMissingMeasures = true };
        header.OrganisationCodes.AddRange(organisations);
        return await Client.ImportCsvAsync(header, new MemoryStream(Encoding.UTF8.GetBytes(csv)), options);
    }

    /// <summary>Rows in the DfE file's layout: (reporting year, organisation code, referrals).</summary>
    private static string Csv(params (int Year, string Code, int Referrals)[] rows)
    {
        var csv = new StringBuilder().AppendLine(File.ReadLines(FixtureFiles.Path(FixtureFiles.ChildrenInNeedReferrals)).First().TrimStart('\uFEFF'));
        foreach (var (year, code, referrals) in rows)
        {
            var level = code.StartsWith("E12", StringComparison.Ordinal) ? "Regional,E92000001,England,E12000007,London,,," : $"Local authority,E92000001,England,E12000007,London,999,{code},Somewhere";
            csv.AppendLine($"{year},Reporting year,{level},Referrals and Re-referrals,{referrals},100,{100m * 100 / referrals:0.0},50,{5000m / referrals:0.0},300,{30000m / referrals:0.0},900,150,16.7");
        }

        return csv.ToString();
    }

    private static ContentArea OwnArea()
    {
        var id = "own-" + Guid.NewGuid().ToString("N")[..12];
        return new ContentArea
        {
            Id = id,
            Group = "wider_picture",
            Title = "Our area",
            WhyItMatters = "A local priority.",
            ScrutinyQuestions = { new ContentAreaQuestion { Id = id + "-q1", Text = "What has changed for children?" } },
        };
    }

    /// <summary>What the service has stored: rows of every table a write touches and the outbox.</summary>
    private Task<string> SnapshotAsync() => service.WithDbAsync(async db =>
    {
        var areas = await db.ContentAreas.Select(a => a.OrganisationCode + "/" + a.ContentAreaId + "/" + a.Revision + "/" + a.Status).ToListAsync();
        return string.Join(
            '|',
            await db.Observations.CountAsync(),
            await db.Measures.CountAsync(),
            await db.MeasureRevisions.CountAsync(),
            await db.Imports.CountAsync(),
            await db.ImportMappings.CountAsync(),
            await db.Set<OutboxMessage>().CountAsync(),
            string.Join(',', areas.Order(StringComparer.Ordinal)));
    });
}

public sealed class SqliteTargetOrganisationTests(SqliteServiceFixture service) : TargetOrganisationTests(service), IClassFixture<SqliteServiceFixture>;

[Trait("Category", "Integration")]
public sealed class PostgresTargetOrganisationTests(PostgresServiceFixture service) : TargetOrganisationTests(service), IClassFixture<PostgresServiceFixture>;
