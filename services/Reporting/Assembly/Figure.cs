using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.ReadModels;
using M = Safeguarding.Measures.V1;

namespace Safeguarding.Reporting.Assembly;

/// <summary>
/// A figure ready to show: a value in the measure's unit with the parts it came from (kept for intervals,
/// pooling and disclosure control), or a state saying why there is no number.
/// </summary>
internal sealed record Figure(PointState State, double? Value, decimal? Numerator, decimal? Denominator, string? Reason)
{
    public bool HasValue => State == PointState.Value && Value is not null;

    public static Figure Missing(string reason) => new(PointState.NotAvailable, null, null, null, reason);

    public static Figure Of(ObservationRow row, MeasureUnit unit)
    {
        var state = row.State switch
        {
            M.ObservationState.Value => PointState.Value,
            M.ObservationState.LowReliability when HasNumbers(row) => PointState.Value,
            M.ObservationState.LowReliability => PointState.LowReliability,
            M.ObservationState.Suppressed => PointState.Suppressed,
            M.ObservationState.NotApplicable => PointState.NotApplicable,
            _ => PointState.NotAvailable,
        };
        var reason = row.State switch
        {
            M.ObservationState.LowReliability when HasNumbers(row) => "low reliability",
            M.ObservationState.RoundsToZero => "a positive figure that rounds to zero",
            _ => NullIfEmpty(row.Reason),
        };
        if (state != PointState.Value)
        {
            return new Figure(state, null, null, null, reason);
        }

        var value = ValueOf(unit, row.Numerator, row.Denominator, row.Amount);
        return value is null
            ? new Figure(PointState.NotAvailable, null, null, null, "no figure could be calculated")
            : new Figure(PointState.Value, value, row.Numerator, row.Denominator, reason);
    }

    /// <summary>The value of a fraction or an amount in the unit's scale (percentages 0–100, rates per 10,000).</summary>
    public static double? ValueOf(MeasureUnit unit, decimal? numerator, decimal? denominator, decimal? amount)
    {
        if (unit != MeasureUnit.Count && numerator is { } n && denominator is { } d)
        {
            if (d == 0)
            {
                return null;
            }

            var scale = unit switch
            {
                MeasureUnit.Percentage => 100m,
                MeasureUnit.RatePer10000 => 10000m,
                _ => 1m,
            };
            return (double)(n * scale / d);
        }

        return (double?)(amount ?? (unit == MeasureUnit.Count ? numerator : null));
    }

    /// <summary>The 95% Wilson interval of a sampled percentage whose parts are whole numbers; otherwise none.</summary>
    public Interval? WilsonInterval(MeasureUnit unit, bool sampled)
    {
        if (!sampled || unit != MeasureUnit.Percentage || !HasValue
            || Numerator is not { } n || Denominator is not { } d || d <= 0 || n < 0 || n > d
            || n != decimal.Truncate(n) || d != decimal.Truncate(d))
        {
            return null;
        }

        return Interval.WilsonPercentage((long)n, (long)d);
    }

    public SeriesPoint ToPoint(string label, Interval? interval = null) =>
        HasValue ? SeriesPoint.Of(label, Math.Round(Value!.Value, 6), interval, Reason) : SeriesPoint.WithoutValue(label, State == PointState.Value ? PointState.NotAvailable : State, Reason);

    private static bool HasNumbers(ObservationRow row) => row.Amount is not null || (row.Numerator is not null && row.Denominator is not null);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
