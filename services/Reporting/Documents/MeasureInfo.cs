namespace Safeguarding.Reporting.Documents;

/// <summary>The parts of a measure definition a reader needs to interpret its figures.</summary>
public sealed record MeasureInfo(
    string Id,
    string Title,
    MeasureType Type,
    EvidenceSource Source,
    MeasureUnit Unit,
    Polarity Polarity);

/// <summary>The framework's three types of performance information.</summary>
public enum MeasureType
{
    /// <summary>How much did we do?</summary>
    Quantity,

    /// <summary>How well did we do it?</summary>
    Quality,

    /// <summary>Is anyone better off?</summary>
    Outcome,
}

/// <summary>The framework's four sources of evidence.</summary>
public enum EvidenceSource
{
    ChildrenAndFamilies,
    FrontlineStaff,
    CaseRecords,
    OrganisationalSystems,
}

public enum MeasureUnit
{
    Count,

    /// <summary>Values are on a 0–100 scale.</summary>
    Percentage,
    Ratio,
    RatePer10000,
}

public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,
    Neither,
}
