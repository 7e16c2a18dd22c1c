using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Computations;

/// <summary>Turns numerators and denominators into the figure a measure's unit asks for.</summary>
public static class MeasureArithmetic
{
    public static decimal Scale(MeasureUnit unit) => unit switch
    {
        MeasureUnit.Percentage => 100m,
        MeasureUnit.RatePer10000 => 10_000m,
        _ => 1m,
    };

    /// <summary>
    /// numerator × scale ÷ denominator, multiplying first so the quotient is exact to decimal's 28
    /// digits; far finer than any rounding boundary a count can produce.
    /// </summary>
    public static decimal FromParts(MeasureUnit unit, decimal numerator, decimal denominator)
    {
        if (denominator == 0)
        {
            throw new DivideByZeroException("A measure's denominator must be greater than zero.");
        }

        return numerator * Scale(unit) / denominator;
    }

    /// <summary>The figure of a value, or null when it has no number (withheld states, zero denominator).</summary>
    public static decimal? Compute(MeasureUnit unit, ObservationValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Amount is { } amount)
        {
            return amount;
        }

        return value is { Numerator: { } n, Denominator: { } d } && d != 0 ? FromParts(unit, n, d) : null;
    }
}
