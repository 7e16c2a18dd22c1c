namespace Safeguarding.Measures.Domain;

/// <summary>
/// What an observation holds. Only <see cref="Value"/> and (optionally) <see cref="LowReliability"/>
/// carry numbers; the others are never a number and never zero. Codes follow the GSS/EES symbols.
/// </summary>
public enum ObservationState
{
    Value,

    /// <summary><c>c</c>: withheld to protect confidentiality.</summary>
    Suppressed,

    /// <summary><c>x</c>: not available (not collected, or not returned).</summary>
    NotAvailable,

    /// <summary><c>z</c>: does not apply (e.g. no such service that year).</summary>
    NotApplicable,

    /// <summary><c>u</c>: low reliability; may carry the figure, flagged, or withhold it.</summary>
    LowReliability,

    /// <summary><c>low</c>: a positive figure that rounds to zero.</summary>
    RoundsToZero,
}
