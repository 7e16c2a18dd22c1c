namespace Safeguarding.Measures.Computations;

/// <summary>A confidence interval of a proportion, as proportions (0 to 1).</summary>
public sealed record ProportionInterval(decimal Lower, decimal Upper)
{
    public bool Overlaps(ProportionInterval other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Lower <= other.Upper && other.Lower <= Upper;
    }

    /// <summary>In a unit's scale (×100 for percentages).</summary>
    public ProportionInterval Scaled(decimal scale) => new(Lower * scale, Upper * scale);
}

/// <summary>
/// Wilson score interval for a sampled proportion (audits of N cases, survey responses). Unlike the
/// normal approximation it stays inside 0..1 and behaves for small samples and 0 or N successes.
/// </summary>
public static class WilsonInterval
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    public static ProportionInterval? Compute(decimal successes, decimal trials, double z = Z95)
    {
        if (trials <= 0 || successes < 0 || successes > trials)
        {
            return null;
        }

        // Statistical estimate: double precision is ample; published comparisons stay in decimal.
        var n = (double)trials;
        var p = (double)successes / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        var lower = successes == 0 ? 0 : Math.Max(0, centre - half);
        var upper = successes == trials ? 1 : Math.Min(1, centre + half);
        return new ProportionInterval((decimal)lower, (decimal)upper);
    }
}
