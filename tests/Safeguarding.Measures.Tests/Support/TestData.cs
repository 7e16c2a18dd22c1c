using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Tests.Support;

/// <summary>Definitions, versions and observations for tests, with sensible defaults.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset At = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly ChangeContext ByAnalyst = new("analyst-1", At);

    public static MeasureDefinition Percentage(string id = "test.percentage") => new()
    {
        Id = id,
        Title = "% of referrals that were re-referrals within 12 months",
        ContentAreaId = "front-door-services",
        Type = InformationType.Outcome,
        Source = Source.OrganisationalSystems,
        Method = CollectionMethod.PublishedStatistics,
        Unit = MeasureUnit.Percentage,
        NumeratorDefinition = "Referrals within 12 months of a previous referral",
        DenominatorDefinition = "Referrals in the year",
        Polarity = Polarity.LowerBetter,
        Frequency = Frequency.Annual,
    };

    public static MeasureDefinition Count(string id = "test.count") => new()
    {
        Id = id,
        Title = "Number of referrals",
        ContentAreaId = "front-door-services",
        Type = InformationType.Quantity,
        Source = Source.OrganisationalSystems,
        Method = CollectionMethod.ManagementInformation,
        Unit = MeasureUnit.Count,
        NumeratorDefinition = "Referrals in the month",
        Polarity = Polarity.Neither,
        Frequency = Frequency.Monthly,
        Breakdowns = [BreakdownDimensions.Team],
    };

    public static MeasureDefinition SampledAudit(string id = "test.audit") => Percentage(id) with
    {
        Title = "% of audited cases where the child stayed the focus",
        Type = InformationType.Quality,
        Source = Source.CaseRecords,
        Method = CollectionMethod.CaseAudit,
        Polarity = Polarity.HigherBetter,
        Sampling = Sampling.Sample,
        Frequency = Frequency.Quarterly,
    };

    public static MeasureVersion Version(MeasureDefinition definition) => MeasureHistory.Define(definition, ByAnalyst).Current;

    public static Observation Observation(MeasureVersion measure, string organisation, Period period, ObservationValue value, Breakdown? breakdown = null) => new()
    {
        Id = Guid.NewGuid(),
        OrganisationCode = organisation,
        Measure = measure.Ref,
        Period = period,
        Breakdown = breakdown ?? Breakdown.Total,
        Value = value,
        Provenance = Provenance.ManualEntry("analyst-1"),
        RecordedAt = At,
    };
}
