using System.Globalization;
using System.IO.Compression;
using Safeguarding.Measures.Computations;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import;
using Safeguarding.Measures.Import.Csv;
using Safeguarding.Measures.Organisations;
using Safeguarding.Measures.Tests.Support;

namespace Safeguarding.Measures.Tests.Fixture;

/// <summary>
/// Every shipped mapping against the whole release it was written for: each published percentage or rate in the
/// file (every level, every year) must be what the imported observation gives, to the published precision. Rows
/// whose counts the publisher rounded (regional, national) may differ only by what that rounding allows. The
/// oracle reads the file here, independently of the importer's own cross-check.
/// </summary>
public sealed class PublishedFiguresTests
{
    public static TheoryData<string, string> Releases => new()
    {
        { "ees-cin-referrals-rereferrals.v1.yaml", "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv" },
        { "ees-cin-section47-icpc.v1.yaml", "c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv" },
        { "ees-cpp-subsequent-plans.v1.yaml", "d3_cpps_subsequent_plan_2013_to_2025.csv" },
        { "ees-cpp-duration-at-31-march.v1.yaml", "d5_cpps_at31march_by_duration_2013_to_2025.csv" },
        { "ees-cla-rates-per-10000.v1.yaml", "cla_number_and_rate_per_10k_children.csv" },
        { "ees-csww-indicators.v1.yaml", "csww_indicators_2017_to_2025.csv" },
    };

    private static readonly OrganisationRegistry England = new([]);

    [Fact]
    public void Every_shipped_published_mapping_has_its_release_here()
    {
        var covered = Releases.Select(row => (string)row[0]).ToHashSet();

        Assert.All(ShippedMappings.Names.Where(n => ShippedMappings.Load(n).Layout == MappingLayout.Ees), n => Assert.Contains(n, covered));
    }

    [Theory]
    [MemberData(nameof(Releases))]
    public async Task Every_published_figure_is_reproduced(string mappingName, string fileName)
    {
        var mapping = ShippedMappings.Load(mappingName);
        var bytes = await ReadAsync(fileName);
        var rows = new Dictionary<long, ImportRowResult>();
        await foreach (var row in CsvImporter.ImportAsync(new MemoryStream(bytes), mapping, Csv.Context(Csv.CatalogFor(mapping), England, fileName)))
        {
            Assert.False(row.IsFatal, string.Join("; ", row.Problems.Select(p => p.Description)));
            rows[row.Line] = row;

            // No row of a release may be refused except one naming two authorities at once (CSWW's Kingston / Richmond).
            Assert.True(row.Outcome != RowOutcome.Rejected || row.Problems.All(p => p.Code == ImportProblemCodes.CombinedOrganisation), $"line {row.Line}: {string.Join("; ", row.Problems.Select(p => p.Description))}");
        }

        var failures = new List<string>();
        var compared = 0;
        var (header, records) = Parse(bytes);
        int Column(string name) => header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        foreach (var record in records)
        {
            string Cell(string name) => record.Fields[Column(name)].Trim();
            if (!mapping.RowFilters.All(f => string.Equals(Cell(f.Column), f.EqualsValue, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var result = rows[record.LineNumber];
            foreach (var measure in mapping.Measures.Where(m => m.Published is not null && m.Where.All(f => string.Equals(Cell(f.Column), f.EqualsValue, StringComparison.OrdinalIgnoreCase))))
            {
                var check = measure.Published!;
                if (!decimal.TryParse(Cell(check.Column), NumberStyles.Number, CultureInfo.InvariantCulture, out var published))
                {
                    continue;
                }

                var where = $"line {record.LineNumber} {Cell("time_period")} {Cell("geographic_level")} {Cell("new_la_code")}{Cell("region_code")} {measure.MeasureId}: published {published}";
                if (result.Outcome != RowOutcome.Imported)
                {
                    // A row naming two authorities at once (CSWW's Kingston / Richmond) cannot be attributed; nothing else may be rejected.
                    if (!result.Problems.All(p => p.Code == ImportProblemCodes.CombinedOrganisation))
                    {
                        failures.Add($"{where}, row {result.Outcome}: {string.Join("; ", result.Problems.Select(p => p.Description))}");
                    }

                    continue;
                }

                var observation = result.Observations.Single(o => o.Measure.MeasureId == measure.MeasureId);
                var figure = MeasureArithmetic.Compute(measure.Unit, observation.Value);
                compared++;
                if (figure is null)
                {
                    failures.Add($"{where}, imported {observation.Value}");
                }
                else if (!Reproduces(measure, observation, published))
                {
                    failures.Add($"{where}, imported {observation.Value} = {figure:0.####}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {compared} published figures not reproduced:\n{string.Join("\n", failures.Take(40))}");
        Assert.True(compared > 1000 || !mapping.Measures.Any(m => m.Published is not null), $"only {compared} published figures compared");
    }

    /// <summary>
    /// The c4 file prints no percentages: both are recomputed here from its columns the way DfE defines them
    /// (conferences within 15 working days over all conferences; conferences over section 47 enquiries) for
    /// every local authority and year, so a suppressed slow band no longer hides a figure DfE publishes.
    /// </summary>
    [Fact]
    public async Task Section_47_and_conference_percentages_follow_the_published_definitions()
    {
        const string fileName = "c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv";
        var mapping = ShippedMappings.Load("ees-cin-section47-icpc.v1.yaml");
        var bytes = await ReadAsync(fileName);
        var rows = new Dictionary<long, ImportRowResult>();
        await foreach (var row in CsvImporter.ImportAsync(new MemoryStream(bytes), mapping, Csv.Context(Csv.CatalogFor(mapping), England, fileName)))
        {
            rows[row.Line] = row;
        }

        var (header, records) = Parse(bytes);
        decimal? Number(CsvRecord record, string column) =>
            decimal.TryParse(record.Fields[header.IndexOf(column)], NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;
        var failures = new List<string>();
        var (withinFigures, ledToFigures, overHundred) = (0, 0, 0);
        foreach (var record in records.Where(r => r.Fields[header.IndexOf("geographic_level")] == "Local authority"))
        {
            var row = rows[record.LineNumber];
            Assert.True(row.Outcome == RowOutcome.Imported, $"line {record.LineNumber}: {string.Join("; ", row.Problems.Select(p => p.Description))}");
            decimal? Figure(string measureId) =>
                MeasureArithmetic.Compute(MeasureUnit.Percentage, row.Observations.Single(o => o.Measure.MeasureId == measureId).Value);

            var (fast, faster, conferences, enquiries) = (Number(record, "Duration_0-10_days"), Number(record, "Duration_11-15_days"), Number(record, "ICPC"), Number(record, "Section47"));
            decimal? within = fast is null || faster is null || conferences is not > 0 ? null : (fast + faster) * 100 / conferences;
            decimal? ledTo = conferences is null || enquiries is not > 0 || conferences > enquiries ? null : conferences * 100 / enquiries;
            overHundred += conferences > enquiries ? 1 : 0;
            withinFigures += within is null ? 0 : 1;
            ledToFigures += ledTo is null ? 0 : 1;
            if (Figure("cin.icpc_within_15_days") != within || Figure("cin.section47_led_to_icpc") != ledTo)
            {
                failures.Add($"line {record.LineNumber}: within 15 days {Figure("cin.icpc_within_15_days")} (expected {within}), led to ICPC {Figure("cin.section47_led_to_icpc")} (expected {ledTo})");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.Equal(1889, withinFigures); // 153 more LA-years than dividing by the sum of the bands gave (1,736: a slow band was suppressed)
        Assert.Equal(7, overHundred);      // 2013 to 2017: Liverpool, Oldham, Plymouth, Middlesbrough, Bournemouth, Rutland, Herefordshire
        Assert.True(ledToFigures > 1900, $"{ledToFigures} section 47 figures");

        // Calderdale 2025: bands 28, 339, c, c over 376 conferences. Before, the suppressed slow bands suppressed the figure.
        var calderdale = rows.Values.Single(r => r.Observations.Any(o => o.OrganisationCode == "E08000033" && o.Period == Period.FinancialYearEnding(2025)));
        Assert.Equal(ObservationValue.Proportion(367, 376), calderdale.Observations.Single(o => o.Measure.MeasureId == "cin.icpc_within_15_days").Value);
        var liverpool = rows.Values.Single(r => r.Observations.Any(o => o.OrganisationCode == "E08000012" && o.Period == Period.FinancialYearEnding(2013)));
        Assert.Equal(ObservationState.NotApplicable, liverpool.Observations.Single(o => o.Measure.MeasureId == "cin.section47_led_to_icpc").Value.State);
        Assert.Contains(liverpool.Problems, p => p.Code == ImportProblemCodes.NumeratorExceedsDenominator && p.Severity == ProblemSeverity.Warning);
    }

    /// <summary>
    /// Exact counts: the figure rounds (half-up) to the published one, within the mapping's tolerance. Counts rounded
    /// to the nearest m: every summed column may be m/2 off, so the published figure must lie in the range those counts allow.
    /// </summary>
    private static bool Reproduces(MeasureMapping measure, Observation observation, decimal published)
    {
        var check = measure.Published!;
        var value = observation.Value;
        if (observation.RoundedToNearest is not { } multiple || !value.IsProportion)
        {
            return PublishedFigure.Compare(MeasureArithmetic.Compute(measure.Unit, value)!.Value, published, check.Decimals, check.Tolerance).Matches;
        }

        var slack = multiple / 2m;
        var low = MeasureArithmetic.FromParts(measure.Unit, Math.Max(0, value.Numerator!.Value - (slack * measure.Numerator.Count)), value.Denominator!.Value + (slack * measure.Denominator.Count));
        var high = MeasureArithmetic.FromParts(measure.Unit, value.Numerator!.Value + (slack * measure.Numerator.Count), Math.Max(1, value.Denominator!.Value - (slack * measure.Denominator.Count)));
        return Rounding.HalfUp(low, check.Decimals) - check.Tolerance <= published && published <= Rounding.HalfUp(high, check.Decimals) + check.Tolerance;
    }

    internal static async Task<byte[]> ReadAsync(string fileName)
    {
        var release = Path.Combine(AppContext.BaseDirectory, "Fixture", "Releases", fileName + ".gz");
        if (!File.Exists(release))
        {
            return await File.ReadAllBytesAsync(FixtureFiles.Path(fileName));
        }

        await using var gzip = new GZipStream(File.OpenRead(release), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        await gzip.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static (List<string> Header, List<CsvRecord> Records) Parse(byte[] bytes)
    {
        var records = new List<CsvRecord>();
        var parser = new CsvParser(new CsvReaderOptions());
        parser.Feed(bytes, records);
        parser.Finish(records);
        return ([.. records[0].Fields.Select(f => f.TrimStart('\uFEFF'))], records.Skip(1).Where(r => r.Fields.Count > 1).ToList());
    }
}
