using System.Globalization;
using System.Text;
using Rounding = Safeguarding.Measures.Computations.Rounding;
using Safeguarding.Measures.Events;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.Grpc;
using Safeguarding.Measures.Tests.Support;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Events;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>
/// CSV imports through the ImportCsv RPC (client streaming), with the real DfE c1 file: dry runs, idempotent
/// re-imports, per-row reports, and the figures it stores checked against the file through the API.
/// </summary>
public abstract class ImportApiTests(ServiceFixture service)
{
    private const string Mapping = "ees-cin-referrals-rereferrals";
    private const string Rereferrals = "cin.rereferrals_within_12_months";
    private const int FixtureRows = 481;
    private const int Measures = 5;

    private MeasuresService.MeasuresServiceClient Client => service.Client;

    [Fact]
    public async Task A_dry_run_reports_everything_and_commits_nothing()
    {
        var observations = await service.CountObservationsAsync();
        var events = (await service.OutboxAsync(MeasuresTopics.ObservationBatchRecordedName)).Count;

        var report = await ImportFixtureAsync(dryRun: true);

        Assert.True(report.DryRun);
        Assert.False(report.Fatal);
        Assert.Equal((FixtureRows, FixtureRows, 0L), (report.RowsRead, report.RowsImported, report.RowsRejected));
        Assert.Equal(FixtureRows * Measures, report.ObservationsProduced);
        Assert.Equal(FixtureRows * Measures, report.ObservationsRecorded + report.ObservationsSkippedIdentical);
        Assert.Equal(0, report.BatchesCommitted);
        Assert.Equal(0, report.ChecksMismatched);
        Assert.Equal(observations, await service.CountObservationsAsync());
        Assert.Equal(events, (await service.OutboxAsync(MeasuresTopics.ObservationBatchRecordedName)).Count);
        Assert.Null(await service.WithDbAsync(db => db.Imports.FindAsync(report.ImportId).AsTask()));
    }

    [Fact]
    public async Task Importing_the_file_again_changes_nothing_and_nothing_is_lost()
    {
        var first = await ImportFixtureAsync();
        var observations = await service.CountObservationsAsync();
        var batchEvents = await service.OutboxAsync(MeasuresTopics.ObservationBatchRecordedName);

        var second = await ImportFixtureAsync();

        Assert.Equal(FixtureRows * Measures, first.ObservationsRecorded + first.ObservationsSkippedIdentical);
        Assert.Equal((0L, (long)FixtureRows * Measures, 0L), (second.ObservationsRecorded, second.ObservationsSkippedIdentical, second.ObservationsSuperseded));
        Assert.Equal(observations, await service.CountObservationsAsync());
        Assert.Equal(batchEvents.Count, (await service.OutboxAsync(MeasuresTopics.ObservationBatchRecordedName)).Count);
        var summaries = (await service.OutboxAsync(MeasuresTopics.ObservationsImportedName)).Select(m => ProtoCloudEvents.ReadData<ObservationsImported>(ProtoCloudEvents.Decode(m.Envelope))).ToList();
        Assert.Equal(0, summaries.Single(s => s.ImportId == second.ImportId).ObservationsRecorded);

        // Every observation the first import stored went out in its batch events, once.
        var published = batchEvents.Select(m => ProtoCloudEvents.ReadData<ObservationBatchRecorded>(ProtoCloudEvents.Decode(m.Envelope)))
            .Where(b => b.ImportId == first.ImportId).SelectMany(b => b.Groups.SelectMany(g => g.Figures)).ToList();
        Assert.Equal(first.ObservationsRecorded, published.Count);
        Assert.Equal(published.Count, published.Select(o => o.ObservationId).Distinct().Count());
        Assert.Equal(first.ObservationsRecorded > 0 ? (FixtureRows + ServiceFixture.ImportBatchRows - 1) / ServiceFixture.ImportBatchRows : first.BatchesCommitted, first.BatchesCommitted);
    }

    [Fact]
    public async Task Every_local_authority_rereferral_percentage_equals_the_published_one()
    {
        await ImportFixtureAsync();
        var compared = 0;
        foreach (var borough in FixtureTable().Where(r => r["geographic_level"] == "Local authority").GroupBy(r => r["new_la_code"]))
        {
            var series = await Client.GetSeriesAsync(new GetSeriesRequest { OrganisationCode = borough.Key, MeasureId = Rereferrals });
            foreach (var row in borough)
            {
                var year = int.Parse(row["time_period"], CultureInfo.InvariantCulture);
                var point = series.Points.Single(p => p.Period.Code == $"{year - 1}-04/P12M");
                if (decimal.TryParse(row["rereferral_percent"], NumberStyles.Number, CultureInfo.InvariantCulture, out var published))
                {
                    Assert.True(Rounding.HalfUp(decimal.Parse(point.Value, CultureInfo.InvariantCulture), 1) == published, $"{borough.Key} {year}: {point.Value} vs published {published}");
                    compared++;
                }
                else
                {
                    Assert.Equal(row["rereferral_percent"] == "c" ? ObservationState.Suppressed : ObservationState.NotAvailable, point.Observation.Value.State);
                    Assert.Empty(point.Value);
                }
            }
        }

        Assert.Equal(429 - 7, compared);
    }

    [Fact]
    public async Task London_from_its_boroughs_totals_one_version_and_lists_what_it_left_out()
    {
        await ImportFixtureAsync();
        var excludedByYear = new Dictionary<int, string[]>
        {
            [2013] = ["E09000016", "E09000025"],
            [2021] = ["E09000012"],
            [2022] = ["E09000001", "E09000012"],
            [2023] = ["E09000001"],
            [2024] = ["E09000001"],
        };

        var response = await Client.AggregateMeasureAsync(new AggregateMeasureRequest
        {
            MeasureId = Rereferrals,
            ParentCode = "E12000007",
            PeriodFrom = Definitions.Year(2013),
            PeriodTo = Definitions.Year(2025),
        });

        Assert.Equal(33, response.OrganisationCodes.Count);
        Assert.Equal(13, response.Totals.Count);
        var regional = FixtureTable().Where(r => r["geographic_level"] == "Regional" && r["region_code"] == "E12000007").ToDictionary(r => int.Parse(r["time_period"], CultureInfo.InvariantCulture));
        foreach (var total in response.Totals)
        {
            var year = total.Period.StartYear + 1;
            var excluded = excludedByYear.GetValueOrDefault(year, []);
            Assert.Equal(excluded, total.Excluded.Select(e => e.OrganisationCode).Order());
            Assert.All(total.Excluded, e => Assert.Contains(e.Reason, new[] { ExclusionReason.Suppressed, ExclusionReason.NotAvailable }));
            Assert.Equal(33 - excluded.Length, total.IncludedOrganisationCodes.Count);
            Assert.Equal(excluded.Length == 0, total.Complete);
            if (excluded.Length == 0)
            {
                Assert.Equal(decimal.Parse(regional[year]["rereferral_percent"], CultureInfo.InvariantCulture), Rounding.HalfUp(decimal.Parse(total.Value, CultureInfo.InvariantCulture), 1));
            }
        }

        var named = await Client.AggregateMeasureAsync(new AggregateMeasureRequest { MeasureId = Rereferrals, OrganisationCodes = { "E09000001", "E09000002" }, Periods = { Definitions.Year(2024) } });
        var only = Assert.Single(named.Totals);
        Assert.Equal(["E09000002"], only.IncludedOrganisationCodes);
        Assert.Equal(ExclusionReason.Suppressed, Assert.Single(only.Excluded).Reason);
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_line_and_column_and_never_half_applied()
    {
        var header = File.ReadLines(FixtureFiles.Path(FixtureFiles.ChildrenInNeedReferrals)).First().TrimStart('\uFEFF');
        const string Prefix = "2031,Reporting year,Local authority,E92000001,England,E12000007,London";
        var csv = new StringBuilder().AppendLine(header)
            .AppendLine($"{Prefix},301,E09000002,Barking and Dagenham,Referrals and Re-referrals,1000,200,20,50,5,300,30,900,150,16.7")
            .AppendLine($"{Prefix},302,E09000003,Barnet,Referrals and Re-referrals,1000,n/k,20,50,5,300,30,900,150,16.7")
            .AppendLine($"{Prefix},399,E09000099,Nowhere,Referrals and Re-referrals,1000,200,20,50,5,300,30,900,150,16.7")
            .AppendLine($"{Prefix},302,E09000003,Barnet,Referrals and Re-referrals,1000,200")
            .ToString();

        var report = await ImportAsync(Encoding.UTF8.GetBytes(csv), "synthetic-2031.csv", dryRun: false);

        Assert.Equal((4L, 1L, 3L), (report.RowsRead, report.RowsImported, report.RowsRejected));
        Assert.Contains(report.Problems, p => p is { Row: 3, Column: "rereferral_count", Code: "non_numeric", Severity: ImportProblemSeverity.Error });
        Assert.Contains(report.Problems, p => p is { Row: 5, Code: "wrong_field_count" });
        var unknown = Assert.Single(report.OrganisationIssues, i => i.Code == "E09000099");
        Assert.Equal(("unknown_organisation", 1L, 4L), (unknown.Problem, unknown.Rows, unknown.FirstRow));
        var period = new Period { Code = "2030-04/P12M" };
        Assert.Empty((await Client.ListObservationsAsync(new ListObservationsRequest { OrganisationCodes = { "E09000003" }, PeriodFrom = period, PeriodTo = period })).Observations);
        Assert.Equal(Measures, (await Client.ListObservationsAsync(new ListObservationsRequest { OrganisationCodes = { "E09000002" }, PeriodFrom = period, PeriodTo = period })).Observations.Count);
    }

    [Fact]
    public async Task A_key_given_twice_with_different_figures_keeps_both_and_the_later_one_is_current()
    {
        var header = File.ReadLines(FixtureFiles.Path(FixtureFiles.ChildrenInNeedReferrals)).First().TrimStart('\uFEFF');
        static string Row(int year, int borough, int referrals) =>
            $"{year},Reporting year,Local authority,E92000001,England,E12000007,London,{300 + borough},E09{borough:D6},Borough,Referrals and Re-referrals,{referrals},100,{100m * 100 / referrals:0.0},50,{5000m / referrals:0.0},300,{30000m / referrals:0.0},900,150,16.7";
        var csv = new StringBuilder().AppendLine(header).AppendLine(Row(2041, 10, 1000));
        // More rows than a batch between the two figures, so the second meets the first in another transaction.
        foreach (var year in Enumerable.Range(2042, 4))
        {
            foreach (var borough in Enumerable.Range(1, 33))
            {
                csv.AppendLine(Row(year, borough, 2000));
            }
        }

        csv.AppendLine(Row(2041, 10, 1250)).AppendLine(Row(2041, 11, 800)).AppendLine(Row(2041, 11, 900));

        var report = await ImportAsync(Encoding.UTF8.GetBytes(csv.ToString()), "corrected-2041.csv", dryRun: false);

        Assert.Equal(0, report.RowsRejected);
        Assert.Equal(2 * (Measures - 1), report.ObservationsSuperseded); // the children's figures are the same in both rows: skipped
        Assert.True(report.BatchesCommitted > 1);
        var period = new Period { Code = "2040-04/P12M" };
        var history = await Client.ListObservationsAsync(new ListObservationsRequest { MeasureId = "cin.referrals", OrganisationCodes = { "E09000010", "E09000011" }, PeriodFrom = period, PeriodTo = period, IncludeSuperseded = true });
        Assert.Equal(["1000", "1250", "800", "900"], history.Observations.Select(o => o.Value.Amount));
        Assert.Equal([false, true, false, true], history.Observations.Select(o => o.Current));
        Assert.Equal(history.Observations[1].Id, history.Observations[0].SupersededByObservationId);
        Assert.Equal("re-import of corrected-2041.csv", history.Observations[3].CorrectionReason);

        // Run again, the file's own contradiction replays (first figure, then the later one) but the later figure stays current.
        await ImportAsync(Encoding.UTF8.GetBytes(csv.ToString()), "corrected-2041.csv", dryRun: false);
        var current = await Client.ListObservationsAsync(new ListObservationsRequest { MeasureId = "cin.referrals", OrganisationCodes = { "E09000010", "E09000011" }, PeriodFrom = period, PeriodTo = period });
        Assert.Equal(["1250", "900"], current.Observations.OrderBy(o => o.OrganisationCode).Select(o => o.Value.Amount));
    }

    [Fact]
    public async Task A_changed_organisation_code_is_reported_and_a_scope_limits_the_rows_taken()
    {
        var report = await ImportFixtureAsync(dryRun: true, "E09000002", "E09000033");

        Assert.Equal(FixtureRows - 26, report.RowsOutOfScope);
        Assert.Equal(26 * Measures, report.ObservationsProduced);
        var changed = Assert.Single(report.OrganisationIssues);
        Assert.Equal(("E09000033", "replaced_organisation", 1L), (changed.Code, changed.Problem, changed.Rows));
        Assert.Contains(report.Problems, p => p.Code == "replaced_organisation" && p.Severity == ImportProblemSeverity.Warning && p.Description.Contains(ServiceFixture.SuccessorCode, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_headers_name_the_field_at_fault_and_unknown_mappings_and_organisations_are_not_found()
    {
        var file = Encoding.UTF8.GetBytes("a,b\r\n1,2\r\n");
        await RpcAssert.InvalidArgumentAsync("header", async () =>
        {
            using var call = Client.ImportCsv(Calls.As());
            await call.RequestStream.WriteAsync(new ImportCsvRequest { Chunk = Google.Protobuf.ByteString.CopyFrom(file) });
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        });
        await RpcAssert.InvalidArgumentAsync("header.file_name", () => Client.ImportCsvAsync(new ImportCsvHeader { MappingId = Mapping }, new MemoryStream(file), Calls.As()));
        await RpcAssert.InvalidArgumentAsync("header.mapping_id", () => Client.ImportCsvAsync(new ImportCsvHeader { FileName = "f.csv" }, new MemoryStream(file), Calls.As()));
        await RpcAssert.InvalidArgumentAsync("header.organisation_codes[0]", () => Client.ImportCsvAsync(new ImportCsvHeader { MappingId = Mapping, FileName = "f.csv", OrganisationCodes = { "not a code" } }, new MemoryStream(file), Calls.As()));
        await RpcAssert.NotFoundAsync("import mapping", () => Client.ImportCsvAsync(new ImportCsvHeader { MappingId = "no-such-mapping", FileName = "f.csv" }, new MemoryStream(file), Calls.As()));
        await RpcAssert.NotFoundAsync("organisation", () => Client.ImportCsvAsync(new ImportCsvHeader { MappingId = Mapping, FileName = "f.csv", OrganisationCodes = { "E09999999" } }, new MemoryStream(file), Calls.As()));
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => Client.ImportCsvAsync(new ImportCsvHeader { MappingId = Mapping, FileName = "f.csv" }, new MemoryStream(file), Calls.Anonymous()));

        // A file that does not fit the mapping is refused whole, with the reason, and stores nothing.
        var observations = await service.CountObservationsAsync();
        var fatal = await ImportAsync(file, "other-release.csv", dryRun: false);
        Assert.True(fatal.Fatal);
        Assert.Contains(fatal.Problems, p => p.Code == "missing_column");
        Assert.Equal(observations, await service.CountObservationsAsync());
    }

    private async Task<ImportReport> ImportFixtureAsync(bool dryRun = false, params string[] organisations) =>
        await ImportAsync(await File.ReadAllBytesAsync(FixtureFiles.Path(FixtureFiles.ChildrenInNeedReferrals)), FixtureFiles.ChildrenInNeedReferrals, dryRun, organisations);

    private Task<ImportReport> ImportAsync(byte[] file, string fileName, bool dryRun, params string[] organisations)
    {
        var header = new ImportCsvHeader { MappingId = Mapping, FileName = fileName, DryRun = dryRun, DefineMissingMeasures = true };
        header.OrganisationCodes.AddRange(organisations);
        // Small chunks: the file reaches the importer in many messages, as a large upload would.
        return Client.ImportCsvAsync(header, new MemoryStream(file), Calls.As(organisation: "E12000007"), chunkSize: 4096);
    }

    private static List<Dictionary<string, string>> FixtureTable()
    {
        var lines = File.ReadAllLines(FixtureFiles.Path(FixtureFiles.ChildrenInNeedReferrals));
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }
}

public sealed class SqliteImportApiTests(SqliteServiceFixture service) : ImportApiTests(service), IClassFixture<SqliteServiceFixture>;

[Trait("Category", "Integration")]
public sealed class PostgresImportApiTests(PostgresServiceFixture service) : ImportApiTests(service), IClassFixture<PostgresServiceFixture>;
