using Safeguarding.Surveys.Domain.Results;

namespace Safeguarding.Surveys.Tests.Unit;

public sealed class WilsonTests
{
    // Reference values: Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I
    // (method 3, Wilson score without continuity correction).
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Matches_the_published_intervals(int x, int n, double lower, double upper)
    {
        var (l, u) = Wilson.Interval(x, n);
        Assert.Equal(lower, l, 4);
        Assert.Equal(upper, u, 4);
    }

    [Fact]
    public void Stays_inside_zero_and_one_at_the_extremes()
    {
        var (l, u) = Wilson.Interval(5, 5);
        Assert.Equal(1.0, u);
        Assert.InRange(l, 0.56, 0.57); // 5/5: 0.5655
        Assert.Equal((0.0, 1.0), Wilson.Interval(0, 0));
    }

    [Fact]
    public void Refuses_more_successes_than_trials() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Wilson.Interval(6, 5));
}
