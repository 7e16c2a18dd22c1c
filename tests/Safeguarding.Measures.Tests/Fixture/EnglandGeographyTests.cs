using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import;
using Safeguarding.Measures.Organisations;
using Safeguarding.Measures.Tests.Support;

namespace Safeguarding.Measures.Tests.Fixture;

/// <summary>
/// The shipped geography against DfE's all-England c1 file: every local authority that reported since 2013 is known
/// under the region it reports under, with successions that send a predecessor's later figures to its successors,
/// so the national file imports whole and England and regional comparators exist.
/// </summary>
public sealed class EnglandGeographyTests
{
    private const string National = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv";

    private readonly OrganisationRegistry _registry = new([]);

    [Fact]
    public void Every_local_authority_and_region_in_the_national_file_is_known_with_its_name_and_region()
    {
        var rows = Rows();
        var latest = rows.GroupBy(r => r["new_la_code"]).Where(g => g.Key.Length > 0).Select(g => g.MaxBy(r => int.Parse(r["time_period"], System.Globalization.CultureInfo.InvariantCulture))!);
        var missing = new List<string>();
        foreach (var row in rows.Where(r => r["geographic_level"] == "Local authority").DistinctBy(r => r["new_la_code"]))
        {
            var code = row["new_la_code"];
            var last = latest.Single(r => r["new_la_code"] == code);
            if (_registry.Find(code) is not { Kind: OrganisationKind.LocalAuthority } authority || authority.Name != last["la_name"] || authority.Parent != last["region_code"])
            {
                missing.Add($"{code} {last["la_name"]} ({last["region_code"]})");
            }
        }

        Assert.Empty(missing);
        Assert.Equal(165, _registry.All.Count(o => o.Kind == OrganisationKind.LocalAuthority));
        Assert.All(rows.Where(r => r["geographic_level"] == "Regional").Select(r => r["region_code"]).Distinct(), code => Assert.Equal(OrganisationKind.Region, _registry.Find(code)!.Kind));
        // 153 report today (2025); 12 predecessors are kept for their earlier years (Barnsley and Sheffield recoded in 2024; Gateshead's and Northumberland's pre-2013 codes, which c4 uses until 2019).
        Assert.Equal(153, _registry.Descendants("E92000001").Count(o => o.Kind == OrganisationKind.LocalAuthority && !IsPredecessor(o.Code)));
        Assert.All(_registry.All, o => Assert.True(_registry.IsReference(o.Code)));
    }

    [Theory]
    [InlineData("E10000021", 2021, new string[0])]                          // Northamptonshire, its last year
    [InlineData("E10000021", 2022, new[] { "E06000061", "E06000062" })]      // then North and West Northamptonshire
    [InlineData("E06000028", 2020, new[] { "E06000058" })]                   // Bournemouth, into BCP
    [InlineData("E10000023", 2024, new[] { "E06000065" })]                   // North Yorkshire's new code
    public void A_predecessor_s_figures_after_it_ended_go_to_its_successors(string code, int yearEnding, string[] successors)
    {
        var resolution = _registry.Resolve(code, Period.FinancialYearEnding(yearEnding));

        Assert.Equal(successors.Length == 0 ? OrganisationStatus.Known : OrganisationStatus.Replaced, resolution.Status);
        Assert.Equal(successors, resolution.SuccessorCodes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_national_file_imports_whole()
    {
        var mapping = ShippedMappings.Load("ees-cin-referrals-rereferrals.v1.yaml");
        await using var file = File.OpenRead(FixtureFiles.Path(National));

        var report = (await CsvImporter.RunAsync(file, mapping, Csv.Context(Csv.CatalogFor(mapping), _registry, National))).Report;

        Assert.False(report.Fatal);
        Assert.Equal(2132, report.RowsRead);
        Assert.Equal((2132L, 0L), (report.RowsImported, report.RowsRejected));
        Assert.DoesNotContain(report.OrganisationIssues, i => i.ProblemCode == "unknown_organisation");
        Assert.Equal(0, report.ChecksMismatched);
    }

    private bool IsPredecessor(string code) => _registry.All.Any(o => o.SuccessorOf.Contains(code, StringComparer.OrdinalIgnoreCase));

    private static List<Dictionary<string, string>> Rows()
    {
        var records = new List<Safeguarding.Measures.Import.Csv.CsvRecord>();
        var parser = new Safeguarding.Measures.Import.Csv.CsvParser(new Safeguarding.Measures.Import.Csv.CsvReaderOptions());
        parser.Feed(File.ReadAllBytes(FixtureFiles.Path(National)), records);
        parser.Finish(records);
        var header = records[0].Fields;
        return [.. records.Skip(1).Select(r => header.Zip(r.Fields).ToDictionary(p => p.First, p => p.Second))];
    }
}
