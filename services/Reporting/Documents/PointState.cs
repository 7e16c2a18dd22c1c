namespace Safeguarding.Reporting.Documents;

/// <summary>Whether a point carries a number, and if not, why not.</summary>
public enum PointState
{
    Value,

    /// <summary>Withheld by disclosure control; never shown as a number, least of all 0.</summary>
    Suppressed,
    NotAvailable,
    NotApplicable,

    /// <summary>Too few cases or too uncertain to publish as a figure.</summary>
    LowReliability,
}
