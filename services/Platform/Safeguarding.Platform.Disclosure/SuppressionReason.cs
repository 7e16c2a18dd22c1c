namespace Safeguarding.Platform.Disclosure;

/// <summary>Why a figure is not shown. Suppressed is a state with a reason, never a number and never zero.</summary>
public enum SuppressionReason
{
    /// <summary>Shown.</summary>
    None,

    /// <summary>Primary: the count is below its partnership's threshold.</summary>
    BelowThreshold,

    /// <summary>Secondary: hidden so that a small count cannot be worked out from totals and other cells.</summary>
    Complementary,

    /// <summary>Already suppressed where it was first published.</summary>
    Withheld,
}
