using Safeguarding.Measures.Computations;

namespace Safeguarding.Measures.Tests.Computations;

public sealed class WilsonIntervalTests
{
    // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I (Wilson, no continuity correction).
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Matches_published_intervals(int successes, int trials, double lower, double upper)
    {
        var interval = WilsonInterval.Compute(successes, trials)!;

        Assert.Equal((decimal)lower, Math.Round(interval.Lower, 4));
        Assert.Equal((decimal)upper, Math.Round(interval.Upper, 4));
    }

    [Fact]
    public void All_successes_reach_one_exactly() => Assert.Equal(1m, WilsonInterval.Compute(10, 10)!.Upper);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 4)]
    [InlineData(-1, 4)]
    public void No_interval_without_a_valid_sample(int successes, int trials) => Assert.Null(WilsonInterval.Compute(successes, trials));

    [Fact]
    public void Scales_to_percentages_and_detects_overlap()
    {
        var a = WilsonInterval.Compute(8, 10)!.Scaled(100);

        Assert.Equal(49.02m, Math.Round(a.Lower, 2));
        Assert.True(a.Overlaps(new ProportionInterval(90, 99)));
        Assert.False(a.Overlaps(new ProportionInterval(10, 20)));
    }
}
