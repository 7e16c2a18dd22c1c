using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Import;

namespace Safeguarding.Measures.Tests.Import;

public sealed class MappingLoaderTests
{
    private const string Generic = """
        mapping_version: 1
        id: my-mapping
        title: Test
        layout: generic
        columns_verified: false
        period: { column: Month, format: month }
        organisation: { code_column: Org }
        breakdowns: [ { column: Team, dimension: team, total_value: All } ]
        special_codes: { "n/a": not_applicable }
        measures:
          - measure_id: m.visits
            unit: percentage
            numerator: [On time, Late but done]
            denominator: Due
            published: { column: Pct, decimals: 1 }
        """;

    [Fact]
    public void Loads_a_generic_mapping()
    {
        var mapping = MappingLoader.Parse(Generic);

        Assert.Equal(MappingLayout.Generic, mapping.Layout);
        Assert.Equal(PeriodFormat.Month, mapping.Period.Format);
        Assert.Equal("Org", mapping.Organisation.Levels.Single().CodeColumn);
        Assert.Equal(["On time", "Late but done"], mapping.Measures[0].Numerator);
        Assert.Equal(["Due"], mapping.Measures[0].Denominator);
        Assert.Equal(1, mapping.Measures[0].Published!.Decimals);
        Assert.True(mapping.SpecialCodes.TryGet("N/A", out var state));
        Assert.Equal(ObservationState.NotApplicable, state);
        Assert.True(mapping.SpecialCodes.TryGet("[c]", out _));
        Assert.Null(mapping.Measures[0].Definition);
    }

    [Fact]
    public void Problems_name_the_yaml_path()
    {
        var yaml = Generic.Replace("unit: percentage", "unit: percent", StringComparison.Ordinal)
            .Replace("format: month", "format: fortnight", StringComparison.Ordinal)
            .Replace("columns_verified: false\n", string.Empty, StringComparison.Ordinal);

        var ex = Assert.Throws<DomainValidationException>(() => MappingLoader.Parse(yaml));

        Assert.Contains(ex.Problems, p => p.Field == "measures[0].unit" && p.Description.Contains("rate_per_10000"));
        Assert.Contains(ex.Problems, p => p.Field == "period.format");
        Assert.Contains(ex.Problems, p => p.Field == "columns_verified");
    }

    [Fact]
    public void A_withheld_part_takes_the_printed_figure_unless_the_mapping_says_not()
    {
        Assert.True(MappingLoader.Parse(Generic).Measures[0].Published!.UseWhenWithheld);
        Assert.False(MappingLoader.Parse(Generic.Replace("decimals: 1 }", "decimals: 1, use_when_withheld: false }", StringComparison.Ordinal)).Measures[0].Published!.UseWhenWithheld);
    }

    [Fact]
    public void Only_a_percentage_from_parts_may_exceed_its_denominator()
    {
        var yaml = Generic.Replace("    published:", "    numerator_may_exceed_denominator: true\n    published:", StringComparison.Ordinal);
        Assert.True(MappingLoader.Parse(yaml).Measures[0].NumeratorMayExceedDenominator);

        var ratio = Assert.Throws<DomainValidationException>(() => MappingLoader.Parse(yaml.Replace("unit: percentage", "unit: ratio", StringComparison.Ordinal)));
        Assert.Contains(ratio.Problems, p => p.Field == "measures[0].numerator_may_exceed_denominator");
    }

    [Fact]
    public void Counts_take_value_columns() =>
        Assert.Contains(
            Assert.Throws<DomainValidationException>(() => MappingLoader.Parse(Generic.Replace("unit: percentage", "unit: count", StringComparison.Ordinal))).Problems,
            p => p.Field == "measures[0].value");

    [Fact]
    public void Numerator_needs_a_denominator() =>
        Assert.Contains(
            Assert.Throws<DomainValidationException>(() => MappingLoader.Parse(Generic.Replace("    denominator: Due\n", string.Empty, StringComparison.Ordinal))).Problems,
            p => p.Field == "measures[0].denominator");

    [Fact]
    public void Unknown_keys_are_refused_with_a_line_number()
    {
        var ex = Assert.Throws<DomainValidationException>(() => MappingLoader.Parse(Generic + "\nsurprise: true\n"));

        Assert.Equal("yaml", ex.Problems.Single().Field);
        Assert.Contains("line", ex.Problems.Single().Description);
    }

    [Fact]
    public void Definitions_are_checked_with_the_measure_rules()
    {
        var yaml = Generic + """

                definition:
                  title: Visits on time
                  content_area: cp-cin-planning
                  type: quality
                  source: case_records
                  method: case_audit
                  numerator_definition: Visits on time
                  polarity: sideways
                  frequency: monthly
            """;

        var ex = Assert.Throws<DomainValidationException>(() => MappingLoader.Parse(yaml));

        Assert.Contains(ex.Problems, p => p.Field == "measures[0].definition.polarity");
    }

    [Fact]
    public void Ees_layout_needs_levels()
    {
        const string yaml = """
            mapping_version: 1
            id: ees-x
            title: X
            layout: ees
            columns_verified: true
            period: { time_period_column: time_period, time_identifier_column: time_identifier }
            organisation: { level_column: geographic_level }
            measures: [ { measure_id: m.x, unit: count, value: n } ]
            """;

        Assert.Contains(Assert.Throws<DomainValidationException>(() => MappingLoader.Parse(yaml)).Problems, p => p.Field == "organisation.levels");
    }
}
