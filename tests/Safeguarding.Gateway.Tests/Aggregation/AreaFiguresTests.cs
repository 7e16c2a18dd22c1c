using Safeguarding.Gateway.Aggregation;
using Safeguarding.Gateway.Registry;
using Safeguarding.Gateway.Tests.Registry;
using Safeguarding.Gateway.Tests.Support;
using Safeguarding.Measures.V1;
using SuppressionReason = Safeguarding.Platform.Disclosure.SuppressionReason;

namespace Safeguarding.Gateway.Tests.Aggregation;

/// <summary>Summing up the tree and protecting it, without the network.</summary>
public sealed class AreaFiguresTests
{
    private static readonly RegistrySnapshot Registry = RegistryBuilderTests.Load(TestRegistry.Document(new Dictionary<string, Uri>
    {
        ["camden-shared"] = new("http://10.0.0.1:5000"),
        ["islington"] = new("http://10.0.0.2:5000"),
        ["islington-csc"] = new("http://10.0.0.3:5000"),
    }));

    [Fact]
    public void A_figure_withheld_at_source_makes_its_totals_incomplete_never_zero()
    {
        var reported = new Dictionary<string, IReadOnlyDictionary<string, ReportedFigure>>
        {
            ["camden-csc"] = One(new ReportedFigure(40, null, null)),
            ["camden-police"] = One(ObservationFigures.Parse(new ObservationValue { State = ObservationState.Suppressed, Reason = "c" }, MeasureShape.Count)),
            ["camden-health"] = One(new ReportedFigure(25, null, null)),
        };

        var figures = AreaFigures.Compute(new AreaInput(Registry, "camden", "london", MeasureShape.Count, reported, new HashSet<string>(), ["q1"]));

        var police = figures.Single(f => f.Organisation == "camden-police");
        Assert.Equal(FigureState.Unavailable, police.State);
        Assert.Equal("suppressed at source", police.Note);
        Assert.Equal(FigureState.Incomplete, figures.Single(f => f.Organisation == "camden").State);
        Assert.Equal(40, figures.Single(f => f.Organisation == "camden-csc").Amount!.Value);
    }

    [Fact]
    public void Proportions_protect_numerators_and_denominators_separately_and_show_a_rate_only_with_both()
    {
        var reported = new Dictionary<string, IReadOnlyDictionary<string, ReportedFigure>>
        {
            ["islington-csc"] = One(new ReportedFigure(null, 3, 40)),
            ["islington-police"] = One(new ReportedFigure(null, 25, 30)),
        };

        var figures = AreaFigures.Compute(new AreaInput(Registry, "islington", "london", MeasureShape.Proportion, reported, new HashSet<string>(), ["q1"]));

        var csc = figures.Single(f => f.Organisation == "islington-csc");
        Assert.Equal(SuppressionReason.BelowThreshold, csc.Numerator!.Reason);
        Assert.Equal(40, csc.Denominator!.Value);
        Assert.Equal(FigureState.Suppressed, csc.State);
        Assert.Null(ObservationFigures.ValueOf(MeasureUnit.Percentage, null, csc.Numerator, csc.Denominator));
        Assert.Equal("83.3", ObservationFigures.ValueOf(MeasureUnit.Percentage, null, new CountOutcome(25, SuppressionReason.None), new CountOutcome(30, SuppressionReason.None)));
    }

    [Fact]
    public void A_partnership_none_of_whose_agencies_report_stands_as_its_own_figure()
    {
        var reported = new Dictionary<string, IReadOnlyDictionary<string, ReportedFigure>>
        {
            ["islington"] = One(new ReportedFigure(30, null, null)),
            ["camden-csc"] = One(new ReportedFigure(50, null, null)),
        };

        var figures = AreaFigures.Compute(new AreaInput(Registry, "london", "london", MeasureShape.Count, reported, new HashSet<string>(), ["q1"]));

        Assert.Equal(FigureLevel.Organisation, figures.Single(f => f.Organisation == "islington").Level);
        Assert.Equal(["camden", "islington"], figures.Single(f => f.Organisation == "london").Included);
        Assert.Equal(80, figures.Single(f => f.Organisation == "london").Amount!.Value);
    }

    [Theory]
    [InlineData("12.5", false)]
    [InlineData("-3", false)]
    [InlineData("abc", false)]
    [InlineData("7", true)]
    public void Only_whole_non_negative_counts_are_counts(string amount, bool usable)
    {
        var figure = ObservationFigures.Parse(new ObservationValue { State = ObservationState.Value, Amount = amount }, MeasureShape.Count);

        Assert.Equal(usable, figure.Note is null);
    }

    private static Dictionary<string, ReportedFigure> One(ReportedFigure figure) => new() { ["q1"] = figure };
}
