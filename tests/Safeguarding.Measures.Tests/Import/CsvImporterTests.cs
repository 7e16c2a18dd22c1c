using System.IO.Pipelines;
using System.Text;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import;
using Safeguarding.Measures.Tests.Support;

namespace Safeguarding.Measures.Tests.Import;

public sealed class CsvImporterTests
{
    private const string Header = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,referral_count,rereferral_count,rereferral_percent,no_further_action_count,no_further_action_percent,not_in_need_count,not_in_need_percent,referral_child_count,rereferral_child_count,rereferral_child_percent";
    private const string Rereferrals = "cin.rereferrals_within_12_months";

    private static readonly ImportMapping Mapping = ShippedMappings.Load("ees-cin-referrals-rereferrals.v1.yaml");

    private readonly InMemoryMeasureCatalog _catalog = Csv.CatalogFor(Mapping);

    [Fact]
    public async Task A_good_row_produces_every_measure_with_provenance()
    {
        var row = (await Import(La())).Single();

        Assert.Equal(RowOutcome.Imported, row.Outcome);
        Assert.Equal(5, row.Observations.Count);
        var rereferral = row.Observations.Single(o => o.Measure.MeasureId == Rereferrals);
        Assert.Equal(ObservationValue.Proportion(200, 1000), rereferral.Value);
        Assert.Equal("E09000002", rereferral.OrganisationCode);
        Assert.Equal(Period.FinancialYearEnding(2025), rereferral.Period);
        Assert.Null(rereferral.RoundedToNearest);
        Assert.Equal("c1.csv", rereferral.Provenance.FileName);
        Assert.Equal(2, rereferral.Provenance.Row);
        Assert.Equal("analyst-1", rereferral.Provenance.UserId);
        Assert.Equal(CrossCheckStatus.Matched, row.Checks.Single(c => c.MeasureId == Rereferrals).Status);
    }

    [Fact]
    public async Task Suppression_codes_and_blanks_become_states_not_zero()
    {
        var row = (await Import(La(rereferral: "c", percent: "c", nfa: "x", nfaPercent: "x", notInNeed: "", notInNeedPercent: "", childRereferral: "low", childPercent: "low"))).Single();

        Assert.Equal(RowOutcome.Imported, row.Outcome);
        Assert.Equal(ObservationState.Suppressed, State(row, Rereferrals));
        Assert.Equal(ObservationState.NotAvailable, State(row, "cin.referrals_no_further_action"));
        Assert.Equal(ObservationState.NotAvailable, State(row, "cin.referrals_assessed_not_in_need"));
        Assert.Equal(ObservationState.RoundsToZero, State(row, "cin.children_rereferred_within_12_months"));
        Assert.Equal(ObservationState.Value, State(row, "cin.referrals"));
        Assert.All(row.Observations.Where(o => o.Value.State != ObservationState.Value), o => Assert.False(o.Value.HasNumbers));
        Assert.Contains("rereferral_count", row.Observations.Single(o => o.Measure.MeasureId == Rereferrals).Value.Reason);
        Assert.DoesNotContain(row.Problems, p => p.Code == ImportProblemCodes.PublishedInconsistent);
    }

    [Fact]
    public async Task Low_reliability_cells_keep_the_u_state() =>
        Assert.Equal(ObservationState.LowReliability, State((await Import(La(nfa: "u", nfaPercent: "u"))).Single(), "cin.referrals_no_further_action"));

    [Theory]
    [InlineData("abc", ImportProblemCodes.NonNumeric, "rereferral_count")]
    [InlineData("-3", ImportProblemCodes.Negative, "rereferral_count")]
    [InlineData("1200", ImportProblemCodes.NumeratorExceedsDenominator, "rereferral_count")]
    public async Task Bad_cells_reject_the_whole_row_naming_the_column(string rereferral, string code, string column)
    {
        var row = (await Import(La(rereferral: rereferral, percent: "x"))).Single();

        Assert.Equal(RowOutcome.Rejected, row.Outcome);
        Assert.Empty(row.Observations);
        var problem = row.Problems.First(p => p.Severity == ProblemSeverity.Error);
        Assert.Equal(code, problem.Code);
        Assert.Equal(column, problem.Column);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public async Task An_unknown_geographic_level_is_rejected()
    {
        var row = (await Import(Row("2025", "Local authority district", "E92000001", "E12000007", "E09000002", "Somewhere", "1000", "200", "20"))).Single();

        Assert.Equal(ImportProblemCodes.UnknownGeographicLevel, row.Problems.Single().Code);
        Assert.Equal("geographic_level", row.Problems.Single().Column);
    }

    [Fact]
    public async Task A_missing_code_is_rejected() =>
        Assert.Equal(ImportProblemCodes.MissingCode, (await Import(La(code: ""))).Single().Problems.Single().Code);

    [Fact]
    public async Task Combined_codes_are_reported_not_dropped()
    {
        var row = (await Import(La(code: "E09000021 / E09000027", name: "Kingston upon Thames / Richmond upon Thames"))).Single();

        var problem = row.Problems.Single();
        Assert.Equal(ImportProblemCodes.CombinedOrganisation, problem.Code);
        Assert.Equal("E09000021 / E09000027", problem.Value);
        Assert.Contains("Kingston upon Thames", problem.Description);
    }

    [Fact]
    public async Task A_single_code_under_a_combined_name_is_reported()
    {
        var problem = (await Import(La(code: "E09000021", name: "Kingston upon Thames / Richmond upon Thames"))).Single().Problems.Single();

        Assert.Equal(ImportProblemCodes.CombinedOrganisation, problem.Code);
        Assert.Contains("combined name", problem.Description);
    }

    [Fact]
    public async Task Cell_text_that_could_identify_someone_is_not_echoed()
    {
        var problem = (await Import(La(rereferral: "Jane Smith"))).Single().Problems.Single();

        Assert.Equal(ImportProblemCodes.NonNumeric, problem.Code);
        Assert.DoesNotContain("Jane", problem.Description);
        Assert.Contains("10 characters", problem.Description);
    }

    [Fact]
    public async Task Codes_outside_the_registry_are_reported()
    {
        var registry = new KnownOrganisations(["E09000001"]);

        var row = (await Import(La(), registry)).Single();

        Assert.Equal(RowOutcome.Rejected, row.Outcome);
        Assert.Equal(ImportProblemCodes.UnknownOrganisation, row.Problems.Single().Code);
    }

    [Fact]
    public async Task Replaced_codes_are_imported_with_a_warning()
    {
        var registry = new KnownOrganisations([], [new OrganisationSuccession("E09000002", ["E09000099"], new DateOnly(2024, 4, 1))]);

        var rows = await Import(La() + "\n" + La(year: "2023"), registry);

        Assert.Equal(RowOutcome.Imported, rows[0].Outcome);
        Assert.Equal(ImportProblemCodes.ReplacedOrganisation, rows[0].Problems.Single().Code);
        Assert.Contains("E09000099", rows[0].Problems.Single().Description);
        Assert.Empty(rows[1].Problems);
    }

    [Fact]
    public async Task A_published_figure_that_disagrees_is_reported_and_the_row_kept()
    {
        var row = (await Import(La(percent: "20.1"))).Single();

        Assert.Equal(RowOutcome.Imported, row.Outcome);
        var check = row.Checks.Single(c => c.MeasureId == Rereferrals);
        Assert.Equal(CrossCheckStatus.Mismatched, check.Status);
        Assert.Equal(20.0m, check.Comparison!.RecomputedRounded);
        Assert.Equal(ImportProblemCodes.PublishedMismatch, row.Problems.Single().Code);
        Assert.Equal(ProblemSeverity.Warning, row.Problems.Single().Severity);
    }

    [Fact]
    public async Task Regional_counts_are_flagged_rounded_and_not_cross_checked()
    {
        var row = (await Import(Row("2025", "Regional", "E92000001", "E12000007", "", "", "105790", "20520", "19.4"))).Single();

        var observation = row.Observations.Single(o => o.Measure.MeasureId == Rereferrals);
        Assert.Equal("E12000007", observation.OrganisationCode);
        Assert.Equal(10, observation.RoundedToNearest);
        Assert.Equal(CrossCheckStatus.NotChecked, row.Checks.Single(c => c.MeasureId == Rereferrals).Status);
    }

    [Fact]
    public async Task Other_categories_are_skipped()
    {
        var row = (await Import(La().Replace("Referrals and Re-referrals", "Something else", StringComparison.Ordinal))).Single();

        Assert.Equal(RowOutcome.Skipped, row.Outcome);
        Assert.Empty(row.Problems);
    }

    [Fact]
    public async Task Wrong_field_counts_and_malformed_rows_are_rejected()
    {
        var rows = await Import("2025,Reporting year,Local authority\n" + La().Replace("Barking", "\"Bark\"ing", StringComparison.Ordinal));

        Assert.Equal(ImportProblemCodes.WrongFieldCount, rows[0].Problems.Single().Code);
        Assert.Equal(ImportProblemCodes.MalformedCsv, rows[1].Problems.Single().Code);
    }

    [Fact]
    public async Task An_invalid_period_is_rejected() =>
        Assert.Equal(ImportProblemCodes.InvalidPeriod, (await Import(La(year: "202425"))).Single().Problems.Single().Code);

    [Fact]
    public async Task A_zero_denominator_is_not_applicable_with_a_warning()
    {
        var row = (await Import(La(referral: "0", rereferral: "0", percent: "z", nfa: "0", nfaPercent: "z", notInNeed: "0", notInNeedPercent: "z"))).Single();

        Assert.Equal(RowOutcome.Imported, row.Outcome);
        Assert.Equal(ObservationState.NotApplicable, State(row, Rereferrals));
        Assert.Contains(row.Problems, p => p.Code == ImportProblemCodes.ZeroDenominator && p.Severity == ProblemSeverity.Warning);
    }

    [Fact]
    public async Task A_missing_column_is_fatal_before_any_row()
    {
        var rows = await Csv.ImportRowsAsync(Header.Replace(",rereferral_percent", string.Empty, StringComparison.Ordinal) + "\n" + La(), Mapping, Csv.Context(_catalog));

        var fatal = Assert.Single(rows);
        Assert.True(fatal.IsFatal);
        Assert.Equal(ImportProblemCodes.MissingColumn, fatal.Problems.Single().Code);
        Assert.Equal("rereferral_percent", fatal.Problems.Single().Column);
    }

    [Fact]
    public async Task Undefined_measures_and_unit_mismatches_are_fatal()
    {
        var undefined = await Csv.ImportRowsAsync(Header + "\n", Mapping, Csv.Context(new InMemoryMeasureCatalog()));
        Assert.All(undefined.Single().Problems, p => Assert.Equal(ImportProblemCodes.UndefinedMeasure, p.Code));

        var catalog = Csv.CatalogFor(Mapping);
        catalog.Save(Mapping.Measures.Single(m => m.MeasureId == Rereferrals).Definition! with { Unit = MeasureUnit.Ratio }, TestData.ByAnalyst);
        var mismatch = await Csv.ImportRowsAsync(Header + "\n", Mapping, Csv.Context(catalog));
        Assert.Equal(ImportProblemCodes.UnitMismatch, mismatch.Single().Problems.Single().Code);
    }

    [Fact]
    public async Task An_empty_file_is_fatal() =>
        Assert.Equal(ImportProblemCodes.EmptyFile, (await Csv.ImportRowsAsync(string.Empty, Mapping, Csv.Context(_catalog))).Single().Problems.Single().Code);

    [Fact]
    public async Task Re_importing_the_same_file_changes_nothing()
    {
        var text = Header + "\n" + La() + "\n" + La(code: "E09000003", name: "Barnet", rereferral: "c", percent: "c");
        var first = await CsvImporter.RunAsync(Csv.Stream(text), Mapping, Csv.Context(_catalog, fileName: "c1.csv"));
        var second = await CsvImporter.RunAsync(Csv.Stream(text), Mapping, Csv.Context(_catalog, fileName: "c1-again.csv") with { ImportId = "import-2", StartedAt = TestData.At.AddDays(1) });
        var ledger = new ObservationLedger(_catalog);

        Assert.Equal(first.Observations.Select(o => o.Id), second.Observations.Select(o => o.Id));
        Assert.Equal(first.Observations.Select(o => o.Fingerprint), second.Observations.Select(o => o.Fingerprint));
        Assert.All(first.Observations, o => Assert.Equal(RecordDecision.Append, ledger.Record(o).Decision));
        Assert.All(second.Observations, o => Assert.Equal(RecordDecision.SkipIdentical, ledger.Record(o).Decision));
    }

    [Fact]
    public async Task The_report_summarises_the_file()
    {
        var text = Header + "\n" + La() + "\n" + La(rereferral: "abc") + "\n" + La(code: "E09000021 / E09000027") + "\n" + La(code: "E09000021 / E09000027", year: "2024")
            + "\n" + La(percent: "25.0", year: "2023") + "\n" + Row("2025", "Regional", "E92000001", "E12000007", "", "", "105790", "20520", "19.4");

        var report = (await CsvImporter.RunAsync(Csv.Stream(text), Mapping, Csv.Context(_catalog))).Report;

        Assert.False(report.Fatal);
        Assert.Equal(6, report.RowsRead);
        Assert.Equal(3, report.RowsImported);
        Assert.Equal(3, report.RowsRejected);
        Assert.Equal(15, report.ObservationsProduced);
        Assert.Equal(5, report.RoundedObservations);
        Assert.Equal(1, report.ChecksMismatched);
        Assert.Equal(2, report.ProblemCounts[ImportProblemCodes.CombinedOrganisation]);
        var issue = report.OrganisationIssues.Single();
        Assert.Equal(("E09000021 / E09000027", 2L, 4L), (issue.Code, issue.Rows, issue.FirstLine));
    }

    [Fact]
    public async Task Rows_stream_before_the_file_ends()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(Header + "\n" + La() + "\n"));
        await pipe.Writer.FlushAsync();
        await using var rows = CsvImporter.ImportAsync(pipe.Reader, Mapping, Csv.Context(_catalog)).GetAsyncEnumerator();

        var moved = rows.MoveNextAsync().AsTask();
        var completed = await Task.WhenAny(moved, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.Same(moved, completed);
        Assert.True(await moved);
        Assert.Equal(RowOutcome.Imported, rows.Current.Outcome);
        await pipe.Writer.CompleteAsync();
        Assert.False(await rows.MoveNextAsync());
    }

    [Fact]
    public async Task A_bad_context_is_refused_naming_the_field()
    {
        var context = Csv.Context(_catalog) with { UserId = "not a user id" };

        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => CsvImporter.RunAsync(Csv.Stream(Header + "\n"), Mapping, context));

        Assert.Equal("user_id", ex.Problems.Single().Field);
    }

    private static ObservationState State(ImportRowResult row, string measureId) =>
        row.Observations.Single(o => o.Measure.MeasureId == measureId).Value.State;

    private Task<List<ImportRowResult>> Import(string rows, IOrganisationResolver? organisations = null) =>
        Csv.ImportRowsAsync(Header + "\n" + rows + "\n", Mapping, Csv.Context(_catalog, organisations, "c1.csv"));

    private static string La(
        string year = "2025",
        string code = "E09000002",
        string name = "Barking and Dagenham",
        string referral = "1000",
        string rereferral = "200",
        string percent = "20",
        string nfa = "50",
        string nfaPercent = "5",
        string notInNeed = "300",
        string notInNeedPercent = "30",
        string childRereferral = "150",
        string childPercent = "16.7") =>
        Row(year, "Local authority", "E92000001", "E12000007", code, name, referral, rereferral, percent, nfa, nfaPercent, notInNeed, notInNeedPercent, childRereferral, childPercent);

    private static string Row(string year, string level, string country, string region, string code, string name, string referral, string rereferral, string percent,
        string nfa = "50", string nfaPercent = "5", string notInNeed = "300", string notInNeedPercent = "30", string childRereferral = "150", string childPercent = "16.7") =>
        string.Join(',', year, "Reporting year", level, country, "England", region, "London", "", code, Quote(name), "Referrals and Re-referrals",
            referral, rereferral, percent, nfa, nfaPercent, notInNeed, notInNeedPercent, "900", childRereferral, childPercent);

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;
}
