using Safeguarding.Measures.Computations;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Tests.Support;

namespace Safeguarding.Measures.Tests.Computations;

public sealed class BalanceCalculatorTests
{
    private static readonly Period Y2024 = Period.FinancialYearEnding(2024);
    private static readonly Period Y2025 = Period.FinancialYearEnding(2025);

    private readonly InMemoryMeasureCatalog _catalog = new();
    private readonly MeasureVersion _quantity;
    private readonly MeasureVersion _quality;
    private readonly MeasureVersion _outcome;
    private readonly MeasureVersion _otherArea;

    public BalanceCalculatorTests()
    {
        _quantity = Save(TestData.Percentage("m.quantity") with { Type = InformationType.Quantity, Polarity = Polarity.Neither });
        _quality = Save(TestData.Percentage("m.quality") with { Type = InformationType.Quality, Source = Source.CaseRecords, Method = CollectionMethod.CaseAudit });
        _outcome = Save(TestData.Percentage("m.outcome") with { Source = Source.ChildrenParentsCarers, Method = CollectionMethod.Survey });
        _otherArea = Save(TestData.Percentage("m.workforce") with { ContentAreaId = "workforce", Type = InformationType.Quality, Source = Source.FrontlineStaff, Method = CollectionMethod.Survey });
    }

    [Fact]
    public void Shares_by_type_and_source_per_area()
    {
        var report = BalanceCalculator.Compute("A", Y2025, [Obs(_quantity, Y2025), Obs(_quality, Y2025), Obs(_outcome, Y2025), Obs(_otherArea, Y2025)], _catalog);

        var area = report.Area("front-door-services")!;
        Assert.Equal(3, area.Measures);
        Assert.Equal(33.3m, area.Type(InformationType.Outcome).Percent);
        Assert.Equal(33.3m, area.Source(Source.ChildrenParentsCarers).Percent);
        Assert.Equal(0m, area.Source(Source.FrontlineStaff).Percent);
        Assert.Equal(4, report.Overall.Measures);
        Assert.Equal(50m, report.Overall.Type(InformationType.Quality).Percent);
        Assert.Equal(["front-door-services", "workforce"], report.Areas.Select(a => a.ContentAreaId));
    }

    [Fact]
    public void Counts_each_measure_once_and_only_inside_the_window_and_organisation()
    {
        var observations = new[]
        {
            Obs(_quantity, Period.Month(2024, 5)),
            Obs(_quantity, Period.Month(2024, 6)),
            Obs(_outcome, Period.Month(2025, 5)),
            Obs(_quality, Period.Month(2024, 5), "B"),
        };

        var report = BalanceCalculator.Compute("A", Y2025, observations, _catalog);

        Assert.Equal(1, report.Overall.Measures);
        Assert.Equal(100m, report.Overall.Type(InformationType.Quantity).Percent);
    }

    [Fact]
    public void Withheld_figures_still_count_as_information_held()
    {
        var suppressed = TestData.Observation(_outcome, "A", Y2025, ObservationValue.Withheld(ObservationState.Suppressed, "c"));

        Assert.Equal(1, BalanceCalculator.Compute("A", Y2025, [suppressed], _catalog).Overall.Type(InformationType.Outcome).Measures);
    }

    [Fact]
    public void Movement_shows_the_shift_towards_outcomes()
    {
        var earlier = BalanceCalculator.Compute("A", Y2024, [Obs(_quantity, Y2024), Obs(_quality, Y2024)], _catalog);
        var later = BalanceCalculator.Compute("A", Y2025, [Obs(_quantity, Y2025), Obs(_quality, Y2025), Obs(_outcome, Y2025), Obs(_otherArea, Y2025)], _catalog);

        var movement = BalanceCalculator.Movement(earlier, later);

        Assert.Equal(33.3m, movement.Area("front-door-services")!.Type(InformationType.Outcome).ChangePoints);
        Assert.Equal(-16.7m, movement.Area("front-door-services")!.Type(InformationType.Quantity).ChangePoints);
        Assert.Equal(100m, movement.Area("workforce")!.Source(Source.FrontlineStaff).LaterPercent);
        Assert.Equal(0m, movement.Area("workforce")!.Source(Source.FrontlineStaff).EarlierPercent);
        Assert.Equal(25m, movement.Overall.Type(InformationType.Outcome).ChangePoints);
    }

    [Fact]
    public void Unknown_measures_are_reported()
    {
        var stray = Obs(_quantity, Y2025) with { Measure = new MeasureVersionRef("not.defined", 1) };

        Assert.Equal("not.defined", BalanceCalculator.Compute("A", Y2025, [stray], _catalog).UnknownMeasures.Single().MeasureId);
    }

    [Fact]
    public void Movement_is_for_one_organisation() =>
        Assert.Throws<ArgumentException>(() => BalanceCalculator.Movement(
            BalanceCalculator.Compute("A", Y2024, [], _catalog), BalanceCalculator.Compute("B", Y2025, [], _catalog)));

    private MeasureVersion Save(MeasureDefinition definition) => _catalog.Save(definition, TestData.ByAnalyst).Current;

    private static Observation Obs(MeasureVersion measure, Period period, string organisation = "A") =>
        TestData.Observation(measure, organisation, period, ObservationValue.Proportion(1, 2));
}
