namespace Safeguarding.Measures.Computations;

/// <summary>Why an organisation's figure was left out of a total. Never silently treated as zero.</summary>
public enum ExclusionReason
{
    Suppressed,
    NotAvailable,
    NotApplicable,
    RoundsToZero,

    /// <summary>Flagged low reliability with the figure withheld.</summary>
    LowReliabilityWithheld,

    /// <summary>Observed, but against another definition version.</summary>
    DifferentVersion,

    /// <summary>Expected, but no observation for the period.</summary>
    MissingPeriod,

    /// <summary>A proportion given only as a result (no numerator and denominator to sum).</summary>
    NoNumeratorDenominator,

    /// <summary>More than one current observation for the key (input needs sorting out).</summary>
    Conflicting,

    /// <summary>Observed, but not one of the organisations being totalled.</summary>
    NotInScope,
}

public sealed record AggregateExclusion(string OrganisationCode, ExclusionReason Reason, string Detail);
