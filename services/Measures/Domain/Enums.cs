namespace Safeguarding.Measures.Domain;

// The framework's vocabulary (seeds/003 Module 1). Wire names are the snake_case of the member
// names (WireNames); renaming a member is a breaking change.

/// <summary>The three types of performance information.</summary>
public enum InformationType
{
    /// <summary>"How much did we do?"</summary>
    Quantity,

    /// <summary>"How well did we do it?"</summary>
    Quality,

    /// <summary>"Is anyone better off?"</summary>
    Outcome,
}

/// <summary>Where the information comes from (the four sources, plus published statistics and inspections).</summary>
public enum Source
{
    ChildrenParentsCarers,
    FrontlineStaff,
    CaseRecords,
    OrganisationalSystems,
    External,
}

/// <summary>How the information is obtained (Module 4's methods).</summary>
public enum CollectionMethod
{
    ManagementInformation,
    CaseAudit,
    Survey,
    InterviewOrFocusGroup,
    ObservationOfPractice,
    CaseReview,
    PublishedStatistics,
    Other,
}

public enum MeasureUnit
{
    Count,
    Percentage,
    Ratio,
    RatePer10000,
}

public enum Polarity
{
    HigherBetter,
    LowerBetter,
    Neither,
}

public enum Frequency
{
    Monthly,
    Quarterly,
    HalfYearly,
    Annual,

    /// <summary>Themed or one-off exercises (a deep dive, a multi-agency audit).</summary>
    AdHoc,
}

/// <summary>When an outcome is looked at: at closure or months after the end of involvement.</summary>
public enum FollowUp
{
    None,
    AtClosure,
    Months6,
    Months12,
    Months18,
}

/// <summary>Whether the figure covers everyone or a sample (case audits, surveys).</summary>
public enum Sampling
{
    WholePopulation,
    Sample,
}
