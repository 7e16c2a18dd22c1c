using System.Globalization;
using Safeguarding.Measures.Computations;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import;
using Safeguarding.Measures.Tests.Support;

namespace Safeguarding.Measures.Tests.Fixture;

/// <summary>
/// Imports the real DfE c1 file (London extract) with the shipped mapping and checks the results
/// against the file itself, read independently here (it has no quoted fields, so a plain split is
/// an honest oracle).
/// </summary>
public sealed class ChildrenInNeedFixtureTests
{
    private const string Rereferrals = "cin.rereferrals_within_12_months";
    private const string London = "E12000007";

    private static readonly string[] Boroughs = [.. Enumerable.Range(1, 33).Select(i => $"E09{i:D6}")];

    // Measure → (numerator or value columns, published column).
    private static readonly Dictionary<string, (string[] Columns, string? Published)> MeasureColumns = new()
    {
        ["cin.referrals"] = (["referral_count"], null),
        [Rereferrals] = (["rereferral_count", "referral_count"], "rereferral_percent"),
        ["cin.referrals_no_further_action"] = (["no_further_action_count", "referral_count"], "no_further_action_percent"),
        ["cin.referrals_assessed_not_in_need"] = (["not_in_need_count", "referral_count"], "not_in_need_percent"),
        ["cin.children_rereferred_within_12_months"] = (["rereferral_child_count", "referral_child_count"], "rereferral_child_percent"),
    };

    private readonly ImportMapping _mapping = ShippedMappings.Load("ees-cin-referrals-rereferrals.v1.yaml");

    [Fact]
    public async Task Every_row_imports_and_every_local_authority_figure_matches_the_published_one()
    {
        var (result, _) = await ImportFixtureAsync();
        var report = result.Report;

        Assert.False(report.Fatal);
        Assert.Equal(481, report.RowsRead);
        Assert.Equal(481, report.RowsImported);
        Assert.Equal(0, report.RowsRejected);
        Assert.Equal(0, report.ChecksMismatched);
        Assert.Empty(report.OrganisationIssues);
        Assert.Equal(481 * 5, report.ObservationsProduced);
        Assert.Equal(52 * 5, report.RoundedObservations);

        var byKey = result.Observations.ToDictionary(o => (o.OrganisationCode, o.Period.Start.Year + 1, o.Measure.MeasureId));
        var compared = 0;
        foreach (var row in FixtureRows().Where(r => r["geographic_level"] == "Local authority"))
        {
            var year = int.Parse(row["time_period"], CultureInfo.InvariantCulture);
            var observation = byKey[(row["new_la_code"], year, Rereferrals)];
            var published = row["rereferral_percent"];
            if (decimal.TryParse(published, NumberStyles.Number, CultureInfo.InvariantCulture, out var figure))
            {
                var computed = MeasureArithmetic.Compute(MeasureUnit.Percentage, observation.Value);
                Assert.True(computed is not null, $"{row["la_name"]} {year}: no figure but published {published}");
                Assert.True(Rounding.HalfUp(computed.Value, 1) == figure, $"{row["la_name"]} {year}: computed {computed:0.###} vs published {published}");
                compared++;
            }
            else
            {
                Assert.Equal(ExpectedState(published), observation.Value.State);
            }
        }

        Assert.Equal(429 - 7, compared); // 7 LA-years have a suppressed (c) or unavailable (x) re-referral figure
        Assert.Equal(report.ChecksMatched, result.Observations.Count(o => o.RoundedToNearest is null && o.Value.State == ObservationState.Value && MeasureColumns[o.Measure.MeasureId].Published is not null));
    }

    [Fact]
    public async Task Suppression_codes_are_kept_as_states_for_every_measure()
    {
        var (result, _) = await ImportFixtureAsync();
        var byKey = result.Observations.ToDictionary(o => (o.OrganisationCode, o.Period.Start.Year + 1, o.Measure.MeasureId));

        foreach (var row in FixtureRows().Where(r => r["geographic_level"] == "Local authority"))
        {
            foreach (var (measureId, (columns, _)) in MeasureColumns)
            {
                var observation = byKey[(row["new_la_code"], int.Parse(row["time_period"], CultureInfo.InvariantCulture), measureId)];
                var codes = columns.Select(c => row[c]).Where(v => !decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out _)).ToList();
                var expected = codes.Count == 0 ? ObservationState.Value : codes.Select(ExpectedState).Min();
                Assert.Equal(expected, observation.Value.State);
                Assert.Equal(expected == ObservationState.Value, observation.Value.HasNumbers);
            }
        }

        // Spot checks named in the file.
        Assert.Equal(ObservationState.Suppressed, byKey[("E09000001", 2024, Rereferrals)].Value.State);
        Assert.Equal(ObservationState.NotAvailable, byKey[("E09000012", 2022, "cin.referrals")].Value.State);
        Assert.Equal(ObservationState.LowReliability, byKey[("E09000003", 2024, "cin.referrals_no_further_action")].Value.State);
        Assert.Equal(result.Report.States[ObservationState.Suppressed], result.Observations.Count(o => o.Value.State == ObservationState.Suppressed));
    }

    /// <summary>
    /// London's total from its 33 boroughs, against the published regional row. The regional counts are
    /// rounded to the nearest 10 from the exact sum S, so a complete borough total B (= S) is within 5 of
    /// the published R. When boroughs are withheld, B = S − (withheld), so B ≤ R + 5 and R − B estimates
    /// what was left out; no tighter bound exists, which is why the aggregate lists its exclusions.
    /// </summary>
    [Fact]
    public async Task A_london_total_from_the_boroughs_reports_what_it_excluded_and_agrees_with_the_regional_row()
    {
        var (result, catalog) = await ImportFixtureAsync();
        var measure = catalog.FindCurrent(Rereferrals)!;
        var excludedByYear = new Dictionary<int, string[]>
        {
            [2013] = ["E09000016", "E09000025"], // Havering, Newham: x
            [2021] = ["E09000012"],              // Hackney: x
            [2022] = ["E09000001", "E09000012"], // City of London: c; Hackney: x
            [2023] = ["E09000001"],
            [2024] = ["E09000001"],
        };

        for (var year = 2013; year <= 2025; year++)
        {
            var period = Period.FinancialYearEnding(year);
            var total = Aggregator.Aggregate(measure, period, Breakdown.Total, result.Observations, Boroughs);
            var regional = result.Observations.Single(o => o.OrganisationCode == London && o.Period == period && o.Measure.MeasureId == Rereferrals);
            var excluded = excludedByYear.GetValueOrDefault(year, []);

            Assert.Equal(10, regional.RoundedToNearest);
            Assert.Empty(total.IncludedRounded);
            var left = total.Excluded.Where(e => e.Reason != ExclusionReason.NotInScope).ToList();
            Assert.Equal(excluded, left.Select(e => e.OrganisationCode).Order());
            Assert.All(left, e => Assert.Contains(e.Reason, new[] { ExclusionReason.Suppressed, ExclusionReason.NotAvailable }));
            Assert.Equal(["E12000007", "E13000001", "E13000002", "E92000001"], total.Excluded.Where(e => e.Reason == ExclusionReason.NotInScope).Select(e => e.OrganisationCode));
            Assert.Equal(33 - excluded.Length, total.Included.Count);

            if (excluded.Length == 0)
            {
                Assert.True(total.IsComplete);
                Assert.InRange(total.Numerator!.Value - regional.Value.Numerator!.Value, -5m, 5m);
                Assert.InRange(total.Denominator!.Value - regional.Value.Denominator!.Value, -5m, 5m);
                var published = decimal.Parse(FixtureRows().Single(r => r["region_code"] == London && r["geographic_level"] == "Regional" && r["time_period"] == year.ToString(CultureInfo.InvariantCulture))["rereferral_percent"], CultureInfo.InvariantCulture);
                Assert.Equal(published, Rounding.HalfUp(total.Value!.Value, 1));
            }
            else
            {
                Assert.False(total.IsComplete);
                Assert.True(total.Numerator <= regional.Value.Numerator + 5, $"{year}: borough numerator {total.Numerator} above regional {regional.Value.Numerator} + 5");
                Assert.True(total.Denominator <= regional.Value.Denominator + 5, $"{year}: borough denominator {total.Denominator} above regional {regional.Value.Denominator} + 5");
            }
        }
    }

    [Fact]
    public async Task Versioning_keeps_definitions_apart()
    {
        var (first, catalog) = await ImportFixtureAsync();
        var v1 = catalog.FindCurrent(Rereferrals)!;

        // The definition changes meaning: from now on figures are a new version.
        var v2 = catalog.Save(v1.Definition with { DenominatorDefinition = "Referrals in the year, excluding transfers in" }, TestData.ByAnalyst).Current;
        var second = (await ImportFixtureAsync(catalog)).Result;

        Assert.Equal(2, v2.Version);
        Assert.All(first.Observations.Where(o => o.Measure.MeasureId == Rereferrals), o => Assert.Equal(1, o.Measure.Version));
        Assert.All(second.Observations.Where(o => o.Measure.MeasureId == Rereferrals), o => Assert.Equal(2, o.Measure.Version));

        // A ledger holds both: different versions are different keys, not conflicts.
        var ledger = new ObservationLedger(catalog);
        Assert.All(first.Observations.Concat(second.Observations).Where(o => o.Measure.MeasureId == Rereferrals), o => Assert.Equal(RecordDecision.Append, ledger.Record(o).Decision));

        // A total of v2 over boroughs observed only under v1 leaves them out, named.
        var period = Period.FinancialYearEnding(2025);
        var mixed = first.Observations.Where(o => o.Measure.MeasureId == Rereferrals && o.Period == period && string.CompareOrdinal(o.OrganisationCode, "E09000017") < 0)
            .Concat(second.Observations.Where(o => o.Measure.MeasureId == Rereferrals && o.Period == period && string.CompareOrdinal(o.OrganisationCode, "E09000017") >= 0));
        var total = Aggregator.Aggregate(v2, period, Breakdown.Total, mixed, Boroughs);
        Assert.Equal(16, total.Excluded.Count(e => e.Reason == ExclusionReason.DifferentVersion));
        Assert.Equal(17, total.Included.Count);

        // And a change across versions is not judged.
        var lastYear = first.Observations.Single(o => o.OrganisationCode == "E09000002" && o.Period == Period.FinancialYearEnding(2024) && o.Measure.MeasureId == Rereferrals);
        var thisYear = second.Observations.Single(o => o.OrganisationCode == "E09000002" && o.Period == period && o.Measure.MeasureId == Rereferrals);
        Assert.Equal(ChangeDirection.NotComparable, ChangeCalculator.Compare(v2, thisYear, lastYear, period, Period.FinancialYearEnding(2024)).Direction);
    }

    [Fact]
    public async Task Year_on_year_change_for_a_borough_is_judged_by_polarity()
    {
        var (result, catalog) = await ImportFixtureAsync();
        var measure = catalog.FindCurrent(Rereferrals)!;
        var barking = result.Observations.Where(o => o.OrganisationCode == "E09000002" && o.Measure.MeasureId == Rereferrals).ToList();

        var change = ChangeCalculator.YearOnYear(measure, barking, Period.FinancialYearEnding(2025));

        var published2025 = Published("E09000002", 2025, "rereferral_percent");
        var published2024 = Published("E09000002", 2024, "rereferral_percent");
        var expected = published2025 == published2024 ? ChangeDirection.NoChange
            : published2025 < published2024 ? ChangeDirection.Improving : ChangeDirection.Worsening;
        Assert.Equal(expected, change.Direction);
    }

    private async Task<(ImportResult Result, InMemoryMeasureCatalog Catalog)> ImportFixtureAsync(InMemoryMeasureCatalog? catalog = null)
    {
        catalog ??= Csv.CatalogFor(_mapping);
        var registry = new KnownOrganisations([.. Boroughs, London, "E13000001", "E13000002", "E92000001"]);
        await using var file = File.OpenRead(FixtureFiles.Path(FixtureFiles.ChildrenInNeedReferrals));
        var result = await CsvImporter.RunAsync(file, _mapping, Csv.Context(catalog, registry, FixtureFiles.ChildrenInNeedReferrals));
        return (result, catalog);
    }

    private static decimal Published(string code, int year, string column) =>
        decimal.Parse(FixtureRows().Single(r => r["new_la_code"] == code && r["time_period"] == year.ToString(CultureInfo.InvariantCulture))[column], CultureInfo.InvariantCulture);

    private static ObservationState ExpectedState(string code) => code switch
    {
        "c" => ObservationState.Suppressed,
        "x" or "" => ObservationState.NotAvailable,
        "z" => ObservationState.NotApplicable,
        "u" => ObservationState.LowReliability,
        "low" => ObservationState.RoundsToZero,
        _ => throw new InvalidOperationException($"unexpected code '{code}' in the fixture"),
    };

    private static List<Dictionary<string, string>> FixtureRows()
    {
        var lines = File.ReadAllLines(FixtureFiles.Path(FixtureFiles.ChildrenInNeedReferrals));
        Assert.DoesNotContain(lines, l => l.Contains('"', StringComparison.Ordinal));
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }
}
