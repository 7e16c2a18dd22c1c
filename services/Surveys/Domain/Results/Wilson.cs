namespace Safeguarding.Surveys.Domain.Results;

/// <summary>
/// The Wilson score interval for a proportion (Wilson 1927; the interval ONS and PHE use for survey
/// percentages): unlike the normal approximation it stays within [0, 1] and behaves at 0/n and n/n and for small n.
/// </summary>
public static class Wilson
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    public static (double Lower, double Upper) Interval(int successes, int total, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(total, successes);
        if (total == 0)
        {
            return (0, 1);
        }

        double n = total;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // At 0/n and n/n the bound is exactly 0 or 1; rounding must not push it past.
        var lower = successes == 0 ? 0 : Math.Max(0, centre - half);
        var upper = successes == total ? 1 : Math.Min(1, centre + half);
        return (lower, upper);
    }
}
