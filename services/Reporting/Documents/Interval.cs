namespace Safeguarding.Reporting.Documents;

/// <summary>An uncertainty interval around a value, in the value's own unit.</summary>
public sealed record Interval
{
    public Interval(double lower, double upper)
    {
        if (!double.IsFinite(lower) || !double.IsFinite(upper) || upper < lower)
        {
            throw new ArgumentException("An interval needs finite bounds with lower <= upper.");
        }

        Lower = lower;
        Upper = upper;
    }

    public double Lower { get; }

    public double Upper { get; }

    /// <summary>
    /// Wilson score interval for a proportion, on the 0–100 percentage scale.
    /// Wilson rather than the normal approximation because it stays inside 0–100 and behaves for small samples.
    /// </summary>
    public static Interval WilsonPercentage(long numerator, long denominator, double z = 1.959963984540054)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfLessThan(denominator, numerator);
        ArgumentOutOfRangeException.ThrowIfZero(denominator);

        double n = denominator;
        var p = numerator / n;
        var z2 = z * z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
        return new Interval(Math.Max(0, centre - half) * 100, Math.Min(1, centre + half) * 100);
    }
}
