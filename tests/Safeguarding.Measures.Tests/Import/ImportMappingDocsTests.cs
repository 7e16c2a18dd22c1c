using System.Text.RegularExpressions;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import;
using Safeguarding.Measures.Tests.Support;

namespace Safeguarding.Measures.Tests.Import;

/// <summary>
/// docs/import-mappings.md is what a new analyst imports a release from: each worked example's mapping loads, and
/// imports the sample of the file printed beside it as the page says (the CLI test imports the whole made-up files).
/// </summary>
public sealed partial class ImportMappingDocsTests
{
    [Fact]
    public async Task The_wide_example_reads_one_column_per_measure_and_its_published_percentages_match()
    {
        var mapping = MappingLoader.Parse(Example("wide-mapping"));

        var rows = await Csv.ImportRowsAsync(Example("wide-file"), mapping, Csv.Context(Csv.CatalogFor(mapping)));

        Assert.Equal(MappingLayout.Ees, mapping.Layout);
        Assert.All(rows, r => Assert.Equal(RowOutcome.Imported, r.Outcome));
        Assert.Equal(8, rows.Sum(r => r.Observations.Count));
        var camden = rows[2].Observations.Single(o => o.Measure.MeasureId == "madeup.early_help_completed_within_45_days");
        Assert.Equal(("E09000007", Period.FinancialYearEnding(2025), ObservationValue.Proportion(700, 800)), (camden.OrganisationCode, camden.Period, camden.Value));
        Assert.Equal(3, rows.SelectMany(r => r.Checks).Count(c => c.Status == CrossCheckStatus.Matched));
        Assert.All(rows[3].Observations, o => Assert.Equal(ObservationState.Suppressed, o.Value.State));
    }

    [Fact]
    public async Task The_long_example_reads_one_row_per_indicator_and_breakdown()
    {
        var mapping = MappingLoader.Parse(Example("long-mapping"));

        var rows = await Csv.ImportRowsAsync(Example("long-file"), mapping, Csv.Context(Csv.CatalogFor(mapping)));

        Assert.All(rows, r => Assert.Equal(RowOutcome.Imported, r.Outcome));
        var observations = rows.Select(r => r.Observations.Single()).ToList();
        Assert.True(observations[0].Breakdown.IsTotal);
        Assert.Equal(Breakdown.Of(("placements", "3 or more")), observations[3].Breakdown);
        Assert.Equal("madeup.cla_by_placements_in_year", observations[3].Measure.MeasureId);
        var percentage = observations[4];
        Assert.Equal(("madeup.cla_three_or_more_placements", true), (percentage.Measure.MeasureId, percentage.Breakdown.IsTotal));
        Assert.Equal(ObservationState.Value, percentage.Value.State);
    }

    [Fact]
    public void Every_yaml_block_of_the_page_that_is_a_whole_mapping_loads()
    {
        var blocks = YamlBlock().Matches(Page).Select(m => m.Groups["body"].Value).Where(b => b.StartsWith("mapping_version:", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, blocks.Count);
        Assert.All(blocks, b => MappingLoader.Parse(b));
    }

    private static string Page { get; } = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "import-mappings.md"));

    /// <summary>The fenced block after &lt;!-- example: NAME --&gt;.</summary>
    public static string Example(string name)
    {
        var marker = Page.IndexOf($"<!-- example: {name} -->", StringComparison.Ordinal);
        Assert.True(marker >= 0, $"docs/import-mappings.md has no example '{name}'");
        return YamlBlock().Match(Page, marker).Groups["body"].Value;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Safeguarding.Platform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex(@"```(yaml|csv)\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
