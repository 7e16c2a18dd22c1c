namespace Safeguarding.Measures.Computations;

/// <summary>Rounding as statistics publishers do it, in decimal so 12.25 stays 12.25 before rounding.</summary>
public static class Rounding
{
    /// <summary>Half away from zero ("half-up" for the non-negative figures measures have): 12.25 → 12.3.</summary>
    public static decimal HalfUp(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>To the nearest multiple (EES rounds regional and national counts to the nearest 10).</summary>
    public static decimal ToNearest(decimal value, int multiple)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(multiple, 1);
        return Math.Round(value / multiple, 0, MidpointRounding.AwayFromZero) * multiple;
    }
}
