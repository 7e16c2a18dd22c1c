using Safeguarding.Measures.Computations;
using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Tests.Computations;

public sealed class RoundingAndArithmeticTests
{
    [Theory]
    [InlineData("12.25", 1, "12.3")]
    [InlineData("12.35", 1, "12.4")]
    [InlineData("12.249999", 1, "12.2")]
    [InlineData("0.05", 1, "0.1")]
    [InlineData("27.5", 0, "28")]
    public void Half_up_not_bankers(string value, int decimals, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Rounding.HalfUp(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimals));

    [Fact]
    public void Double_arithmetic_would_get_this_wrong_decimal_does_not()
    {
        // 1 / 8 = 12.5%, a true midpoint at 0 dp; 0.125 rounds to 0.13 at 2 dp.
        Assert.Equal(13m, Rounding.HalfUp(MeasureArithmetic.FromParts(MeasureUnit.Percentage, 1, 8), 0));
        Assert.Equal(0.13m, Rounding.HalfUp(MeasureArithmetic.FromParts(MeasureUnit.Ratio, 1, 8), 2));
    }

    [Theory]
    [InlineData(5, 20, MeasureUnit.Percentage, "25")]
    [InlineData(5, 20, MeasureUnit.Ratio, "0.25")]
    [InlineData(67, 100000, MeasureUnit.RatePer10000, "6.7")]
    public void Computes_units_from_parts(int numerator, int denominator, MeasureUnit unit, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), MeasureArithmetic.FromParts(unit, numerator, denominator));

    [Fact]
    public void Withheld_values_compute_to_nothing_never_zero()
    {
        Assert.Null(MeasureArithmetic.Compute(MeasureUnit.Percentage, ObservationValue.Withheld(ObservationState.Suppressed, "c")));
        Assert.Equal(42, MeasureArithmetic.Compute(MeasureUnit.Count, ObservationValue.Count(42)));
    }

    [Fact]
    public void Rounds_to_the_nearest_ten() =>
        Assert.Equal([20520m, 20530m, 20520m], new[] { 20524m, 20525m, 20515m }.Select(v => Rounding.ToNearest(v, 10)));

    [Fact]
    public void Published_comparison_rounds_then_compares_within_tolerance()
    {
        var exact = PublishedFigure.Compare(19.449m, 19.4m, 1);
        var off = PublishedFigure.Compare(19.45m, 19.4m, 1);
        var tolerated = PublishedFigure.Compare(19.45m, 19.4m, 1, 0.1m);

        Assert.True(exact.Matches);
        Assert.False(off.Matches);
        Assert.Equal(0.1m, off.Difference);
        Assert.True(tolerated.Matches);
    }
}
