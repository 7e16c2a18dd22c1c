namespace Safeguarding.Reporting.Documents;

/// <summary>
/// Upkeep and completeness of the evidence (issue 16 item 5, issue 17 item 5), judged on the day the report was drafted:
/// per organisation (the report's and, for a partnership, each agency), returns due and how they arrived, measures
/// without a recent figure, without a story this period and without a target or forecast, and a score explained.
/// </summary>
public sealed record UpkeepSection(DateOnly AsOf, IReadOnlyList<OrganisationUpkeep> Organisations)
{
    /// <summary>Other organisations' returns whose figures the report left out (sentences).</summary>
    public IReadOnlyList<string> HeldBack { get; init; } = [];
}

/// <summary>One organisation's upkeep: what was expected of it, what was up to date, and what was missing, in words.</summary>
public sealed record OrganisationUpkeep(
    string OrganisationCode,
    string Name,
    IReadOnlyList<ReturnUpkeep> Returns,
    int MeasuresInUse,
    int MeasuresCurrent,
    int MeasuresInPeriod,
    int MeasuresWithStory,
    int MeasuresWithTarget,
    int Expected,
    int UpToDate,
    int? Score,
    string Explanation,
    IReadOnlyList<string> Missing);

/// <summary>A return that was due (or has arrived): its dataset, period, due date and how it arrived.</summary>
public sealed record ReturnUpkeep(string Dataset, string Period, DateOnly DueOn, ReturnTimeliness Timeliness, DateOnly? ReceivedOn);

public enum ReturnTimeliness
{
    OnTime,
    Late,
    Missing,
    Waived,
}
