namespace Safeguarding.Reporting.Documents;

/// <summary>
/// One point of a series: a number, or a state saying why there is no number.
/// <see cref="Label"/> is the period ("Apr 2024", "2023/24") in a time series, or the team/locality in a breakdown.
/// </summary>
public sealed record SeriesPoint
{
    private SeriesPoint(string label, PointState state, double? value, Interval? interval, string? reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        Label = label;
        State = state;
        Value = value;
        Interval = interval;
        Reason = reason;
    }

    public string Label { get; }

    public PointState State { get; }

    /// <summary>Set only when <see cref="State"/> is <see cref="PointState.Value"/>.</summary>
    public double? Value { get; }

    public Interval? Interval { get; }

    /// <summary>Why there is no number (e.g. "fewer than 5 cases"); optional note otherwise.</summary>
    public string? Reason { get; }

    public bool HasValue => State == PointState.Value;

    public static SeriesPoint Of(string label, double value, Interval? interval = null, string? note = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "A point's value must be a finite number.");
        }

        return new SeriesPoint(label, PointState.Value, value, interval, note);
    }

    public static SeriesPoint WithoutValue(string label, PointState state, string? reason = null)
    {
        if (state == PointState.Value)
        {
            throw new ArgumentException("A point without a value needs a non-numeric state.", nameof(state));
        }

        return new SeriesPoint(label, state, null, null, reason);
    }

    public static SeriesPoint Suppressed(string label, string? reason = null) =>
        WithoutValue(label, PointState.Suppressed, reason);
}
