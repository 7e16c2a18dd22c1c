namespace Safeguarding.Measures.Computations;

/// <summary>The result of comparing a recomputed figure with the one a publisher printed.</summary>
public sealed record PublishedComparison(decimal Recomputed, decimal RecomputedRounded, decimal Published, int Decimals, decimal Tolerance)
{
    public decimal Difference => RecomputedRounded - Published;

    public bool Matches => Math.Abs(Difference) <= Tolerance;
}

public static class PublishedFigure
{
    /// <summary>
    /// Rounds half-up to the published precision, then compares. Tolerance is 0 where the inputs are
    /// exact (LA counts); a mapping may allow more where the publisher rounded the inputs (FTEs to 1 dp).
    /// </summary>
    public static PublishedComparison Compare(decimal recomputed, decimal published, int decimals, decimal tolerance = 0m)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        return new PublishedComparison(recomputed, Rounding.HalfUp(recomputed, decimals), published, decimals, tolerance);
    }
}
