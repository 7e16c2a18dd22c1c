using Safeguarding.Measures.Datasets;
using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Tests.Datasets;

/// <summary>The shipped datasets load, and a bad dataset document is refused naming each field at fault by its YAML path.</summary>
public sealed class DatasetCatalogTests
{
    [Fact]
    public void The_shipped_london_dataset_loads_with_its_rules()
    {
        var london = DatasetCatalog.LoadBuiltIn().Find("london-common");

        Assert.NotNull(london);
        Assert.Equal(DatasetFrequency.Quarterly, london.Frequency);
        Assert.Equal(new DateOnly(2025, 7, 28), london.DueOn(Period.FinancialQuarter(2025, 1)));
        Assert.True(london.IsReturnPeriod(Period.FinancialQuarter(2025, 4)));
        Assert.False(london.IsReturnPeriod(Period.Of(PeriodGranularity.Quarter, 2025, 5)));
        Assert.False(london.IsReturnPeriod(Period.Month(2025, 4)));
        Assert.Contains(london.Rules, r => r.Kind == DatasetRuleKind.AtMost && r.Blocking);
        Assert.True(london.Covers("own.referrals", "front-door-services-measure-1"));
        Assert.False(london.Covers("own.referrals", null));
    }

    [Fact]
    public void A_bad_document_names_every_field_at_fault()
    {
        const string yaml = """
            id: Bad Id
            title: ''
            frequency: fortnightly
            due_days_after_period_end: 400
            measures: [a-measure, a-measure]
            rules:
              - id: r1
                kind: at_most
                left: a-measure
                right: not-in-the-dataset
                description: left is at most right
              - id: r2
                kind: range
                measure: a-measure
                description: within nothing
            """;

        var refused = Assert.Throws<DomainValidationException>(() => DatasetCatalog.Parse(yaml));

        Assert.Equal(
            ["due_days_after_period_end", "frequency", "id", "measures", "rules[0].right", "rules[1].min", "title"],
            refused.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
    }
}
