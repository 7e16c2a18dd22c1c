using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Tests.Support;

namespace Safeguarding.Measures.Tests.Domain;

public sealed class MeasureHistoryTests
{
    private static readonly ChangeContext Later = new("analyst-2", TestData.At.AddDays(30), "review");

    [Fact]
    public void Defining_makes_version_one()
    {
        var change = MeasureHistory.Define(TestData.Percentage(), TestData.ByAnalyst);

        Assert.Equal(MeasureChangeKind.Defined, change.Kind);
        Assert.Equal(new MeasureVersionRef("test.percentage", 1), change.Current.Ref);
        Assert.Equal(1, change.Current.Revision);
    }

    public static TheoryData<string, Func<MeasureDefinition, MeasureDefinition>> MeaningChanges => new()
    {
        { "numerator_definition", d => d with { NumeratorDefinition = "Referrals within 6 months of a previous referral" } },
        { "denominator_definition", d => d with { DenominatorDefinition = "Children referred in the year" } },
        { "unit", d => d with { Unit = MeasureUnit.RatePer10000 } },
        { "type", d => d with { Type = InformationType.Quality } },
        { "source", d => d with { Source = Source.CaseRecords } },
        { "method", d => d with { Method = CollectionMethod.CaseAudit } },
        { "polarity", d => d with { Polarity = Polarity.Neither } },
        { "frequency", d => d with { Frequency = Frequency.Quarterly } },
        { "sampling", d => d with { Sampling = Sampling.Sample } },
        { "follow_up", d => d with { FollowUp = FollowUp.Months12 } },
        { "breakdowns", d => d with { Breakdowns = ["team"] } },
    };

    [Theory]
    [MemberData(nameof(MeaningChanges))]
    public void A_change_of_meaning_makes_a_new_version(string field, Func<MeasureDefinition, MeasureDefinition> edit)
    {
        var history = MeasureHistory.Define(TestData.Percentage(), TestData.ByAnalyst).History;

        var change = history.Change(edit(history.Current.Definition), Later);

        Assert.Equal(MeasureChangeKind.NewVersion, change.Kind);
        Assert.Equal(2, change.Current.Version);
        Assert.Equal(1, change.Current.Revision);
        Assert.Contains(field, change.ChangedFields);
        Assert.NotEqual(history.Current.MeaningHash, change.Current.MeaningHash);
        Assert.Equal(1, change.History.Find(1)!.Version);
    }

    [Fact]
    public void A_title_typo_is_a_revision_of_the_same_version()
    {
        var history = MeasureHistory.Define(TestData.Percentage() with { Title = "% of referals that were re-referrals" }, TestData.ByAnalyst).History;

        var change = history.Change(history.Current.Definition with { Title = "% of referrals that were re-referrals" }, Later);

        Assert.Equal(MeasureChangeKind.Revised, change.Kind);
        Assert.Equal(1, change.Current.Version);
        Assert.Equal(2, change.Current.Revision);
        Assert.Equal(["title"], change.ChangedFields);
        Assert.Equal(2, change.History.Revisions.Count);
        Assert.Equal("% of referrals that were re-referrals", change.History.Find(1)!.Definition.Title);
    }

    [Fact]
    public void Spacing_and_capitals_in_a_definition_do_not_change_meaning()
    {
        var history = MeasureHistory.Define(TestData.Percentage(), TestData.ByAnalyst).History;

        var change = history.Change(history.Current.Definition with { NumeratorDefinition = "  referrals WITHIN 12 months   of a previous referral " }, Later);

        Assert.Equal(MeasureChangeKind.Revised, change.Kind);
        Assert.Contains("numerator_definition", change.ChangedFields);
    }

    [Fact]
    public void Moving_content_area_is_filing_not_meaning() =>
        Assert.Equal(MeasureChangeKind.Revised, MeasureHistory.Define(TestData.Percentage(), TestData.ByAnalyst).History
            .Change(TestData.Percentage() with { ContentAreaId = "cp-cin-planning" }, Later).Kind);

    [Fact]
    public void Breakdown_order_does_not_matter()
    {
        var history = MeasureHistory.Define(TestData.Count() with { Breakdowns = ["team", "locality"] }, TestData.ByAnalyst).History;

        Assert.NotEqual(MeasureChangeKind.NewVersion, history.Change(history.Current.Definition with { Breakdowns = ["locality", "team"] }, Later).Kind);
    }

    [Fact]
    public void The_same_definition_changes_nothing()
    {
        var history = MeasureHistory.Define(TestData.Percentage(), TestData.ByAnalyst).History;

        var change = history.Change(TestData.Percentage(), Later);

        Assert.Equal(MeasureChangeKind.Unchanged, change.Kind);
        Assert.Same(history, change.History);
    }

    [Fact]
    public void A_new_version_can_be_forced_with_a_reason()
    {
        var history = MeasureHistory.Define(TestData.Percentage(), TestData.ByAnalyst).History;

        Assert.Equal("reason", Assert.Throws<DomainValidationException>(() => history.Change(TestData.Percentage(), TestData.ByAnalyst, forceNewVersion: true)).Problems.Single().Field);
        Assert.Equal(2, history.Change(TestData.Percentage(), Later, forceNewVersion: true).Current.Version);
    }

    [Fact]
    public void The_id_cannot_change() =>
        Assert.Equal("id", Assert.Throws<DomainValidationException>(() =>
            MeasureHistory.Define(TestData.Percentage(), TestData.ByAnalyst).History.Change(TestData.Percentage("test.other"), Later)).Problems.Single().Field);

    [Fact]
    public void Invalid_definitions_are_refused_with_field_paths()
    {
        var ex = Assert.Throws<DomainValidationException>(() => MeasureHistory.Define(TestData.Percentage() with { NumeratorDefinition = null }, new ChangeContext("", TestData.At)));

        Assert.Contains(ex.Problems, p => p.Field == "measure.numerator_definition");
        Assert.Contains(ex.Problems, p => p.Field == "changed_by");
    }

    [Fact]
    public void Restore_rebuilds_a_stored_history()
    {
        var change = MeasureHistory.Define(TestData.Percentage(), TestData.ByAnalyst).History.Change(TestData.Percentage() with { Unit = MeasureUnit.Ratio }, Later);

        var restored = MeasureHistory.Restore(change.History.Revisions);

        Assert.Equal(change.Current, restored.Current);
        Assert.Throws<DomainValidationException>(() => MeasureHistory.Restore([]));
    }

    [Fact]
    public void The_catalog_keeps_histories()
    {
        var catalog = new InMemoryMeasureCatalog();
        catalog.Save(TestData.Percentage(), TestData.ByAnalyst);
        catalog.Save(TestData.Percentage() with { Polarity = Polarity.HigherBetter }, Later);

        Assert.Equal(2, catalog.FindCurrent("test.percentage")!.Version);
        Assert.Equal(Polarity.LowerBetter, catalog.Find(new MeasureVersionRef("test.percentage", 1))!.Definition.Polarity);
        Assert.Null(catalog.Find(new MeasureVersionRef("test.percentage", 3)));
        Assert.Null(catalog.FindCurrent("missing"));
    }
}
