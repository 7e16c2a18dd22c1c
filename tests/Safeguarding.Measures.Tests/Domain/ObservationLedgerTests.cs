using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Tests.Support;

namespace Safeguarding.Measures.Tests.Domain;

public sealed class ObservationLedgerTests
{
    private readonly InMemoryMeasureCatalog _catalog = new();
    private readonly MeasureVersion _measure;
    private readonly ObservationLedger _ledger;

    public ObservationLedgerTests()
    {
        _measure = _catalog.Save(TestData.Percentage(), TestData.ByAnalyst).Current;
        _ledger = new ObservationLedger(_catalog);
    }

    [Fact]
    public void Corrections_append_and_supersede_never_overwrite()
    {
        var first = TestData.Observation(_measure, "E09000001", Period.FinancialYearEnding(2025), ObservationValue.Proportion(5, 20));
        Assert.Equal(RecordDecision.Append, _ledger.Record(first).Decision);

        var corrected = _ledger.Supersede(first.Id, ObservationValue.Proportion(6, 20), "late returns", Provenance.ManualEntry("analyst-2"), TestData.At.AddDays(1));

        Assert.Equal(RecordDecision.Append, corrected.Decision);
        var history = _ledger.History(first.Key);
        Assert.Equal(2, history.Count);
        Assert.Same(first, history[0]);
        Assert.Equal(6, _ledger.Current(first.Key)!.Value.Numerator);
        Assert.Equal("late returns", _ledger.Current(first.Key)!.CorrectionReason);
        Assert.Single(_ledger.CurrentObservations());
    }

    [Fact]
    public void A_different_figure_for_the_same_key_is_refused_until_superseded()
    {
        var first = TestData.Observation(_measure, "E09000001", Period.FinancialYearEnding(2025), ObservationValue.Proportion(5, 20));
        _ledger.Record(first);

        var outcome = _ledger.Record(first with { Id = Guid.NewGuid(), Value = ObservationValue.Withheld(ObservationState.Suppressed, "c") });

        Assert.Equal(RecordDecision.Conflict, outcome.Decision);
        Assert.Single(_ledger.History(first.Key));
    }

    [Fact]
    public void Observations_of_undefined_versions_are_refused()
    {
        var observation = TestData.Observation(_measure, "E09000001", Period.FinancialYearEnding(2025), ObservationValue.Proportion(5, 20)) with { Measure = new("test.percentage", 9) };

        Assert.Equal("measure", Assert.Throws<DomainValidationException>(() => _ledger.Record(observation)).Problems.Single().Field);
    }

    [Fact]
    public void Observations_keep_their_version_when_the_definition_changes()
    {
        var v1 = TestData.Observation(_measure, "E09000001", Period.FinancialYearEnding(2024), ObservationValue.Proportion(5, 20));
        _ledger.Record(v1);
        var v2 = _catalog.Save(TestData.Percentage() with { DenominatorDefinition = "Children referred" }, TestData.ByAnalyst).Current;

        _ledger.Record(TestData.Observation(v2, "E09000001", Period.FinancialYearEnding(2025), ObservationValue.Proportion(4, 20)));

        Assert.Equal(1, _ledger.Current(v1.Key)!.Measure.Version);
        Assert.Equal(2, _ledger.CurrentObservations().Max(o => o.Measure.Version));
    }
}
