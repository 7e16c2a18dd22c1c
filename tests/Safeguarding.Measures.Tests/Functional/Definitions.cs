using Safeguarding.Measures.V1;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>Wire definitions for functional tests.</summary>
internal static class Definitions
{
    public static MeasureDefinition Percentage(string id) => new()
    {
        Id = id,
        Title = "% of referrals that were re-referrals within 12 months",
        ContentAreaId = "front-door-services",
        Type = InformationType.Outcome,
        Source = Source.OrganisationalSystems,
        Method = CollectionMethod.ManagementInformation,
        Unit = MeasureUnit.Percentage,
        NumeratorDefinition = "Referrals within 12 months of a previous referral",
        DenominatorDefinition = "Referrals in the year",
        Polarity = Polarity.LowerBetter,
        Frequency = Frequency.Annual,
    };

    public static MeasureDefinition MonthlyCount(string id) => new()
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
        Breakdowns = { "team" },
    };

    public static MeasureDefinition SampledAudit(string id) => new()
    {
        Id = id,
        Title = "% of audited cases where the child stayed the focus",
        ContentAreaId = "front-door-services",
        Type = InformationType.Quality,
        Source = Source.CaseRecords,
        Method = CollectionMethod.CaseAudit,
        Unit = MeasureUnit.Percentage,
        NumeratorDefinition = "Audited cases graded as keeping the child the focus",
        DenominatorDefinition = "Cases audited in the quarter",
        Polarity = Polarity.HigherBetter,
        Frequency = Frequency.Quarterly,
        Sampling = Sampling.Sample,
    };

    public static Period Year(int endingMarch) => new() { Code = $"{endingMarch - 1:D4}-04/P12M" };

    public static Period Month(int year, int month) => new() { Granularity = PeriodGranularity.Month, StartYear = year, StartMonth = month };

    public static ObservationValue Proportion(int numerator, int denominator) => new()
    {
        State = ObservationState.Value,
        Numerator = numerator.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Denominator = denominator.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static ObservationValue Count(decimal amount) => new() { Amount = amount.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
