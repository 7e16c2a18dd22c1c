namespace Safeguarding.Measures.Datasets;

/// <summary>What a validation rule checks.</summary>
public enum DatasetRuleKind
{
    /// <summary>Left ≤ right, same organisation and period (re-referrals ≤ referrals; a numerator measure ≤ its denominator measure).</summary>
    AtMost,

    /// <summary>The measure's value within [min, max] (a rate within its possible range).</summary>
    Range,

    /// <summary>The measure's figures broken down by one dimension add up to its total.</summary>
    BreakdownSum,

    /// <summary>A figure far outside the organisation's own history of the measure (robust z-score on the median and MAD).</summary>
    Outlier,
}

/// <summary>
/// One validation rule of a dataset. Measures are named as the dataset names them (measure or library measure ids).
/// A figure's value is its amount for counts and its rate (numerator ÷ denominator, × 100 for percentages) for proportions.
/// A blocking rule stops submission while it has an open violation (one nobody explained or accepted).
/// </summary>
public sealed record DatasetRule(
    string Id,
    DatasetRuleKind Kind,
    bool Blocking,
    string Description,
    string? Measure = null,
    string? Left = null,
    string? Right = null,
    decimal? Min = null,
    decimal? Max = null,
    string? Dimension = null,
    decimal Threshold = DatasetRule.DefaultThreshold,
    int History = DatasetRule.DefaultHistory)
{
    /// <summary>Robust z beyond which a figure is an outlier: 3.5, the usual cut-off for the modified z-score (Iglewicz and Hoaglin).</summary>
    public const decimal DefaultThreshold = 3.5m;

    /// <summary>Periods of the organisation's own history an outlier is judged against (the last twelve).</summary>
    public const int DefaultHistory = 12;

    /// <summary>Fewer earlier figures than this and no outlier is flagged: there is no history to be far from.</summary>
    public const int MinimumHistory = 6;
}
