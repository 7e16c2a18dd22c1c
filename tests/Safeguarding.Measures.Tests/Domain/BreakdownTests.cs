using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Tests.Domain;

public sealed class BreakdownTests
{
    [Fact]
    public void Order_of_dimensions_does_not_matter()
    {
        var a = Breakdown.Of(("team", "North"), ("age_band", "10-15"));
        var b = Breakdown.Of(("age_band", "10-15"), ("team", "North"));

        Assert.Equal(a, b);
        Assert.Equal("age_band=10-15;team=North", a.Key);
    }

    [Fact]
    public void No_items_is_the_total()
    {
        Assert.Same(Breakdown.Total, Breakdown.Of());
        Assert.True(Breakdown.Total.IsTotal);
        Assert.Equal(string.Empty, Breakdown.Total.Key);
    }

    [Fact]
    public void Separators_in_values_are_escaped_in_the_key() =>
        Assert.Equal("team=A%3DB%3BC", Breakdown.Of(("team", "A=B;C")).Key);

    [Fact]
    public void Bad_dimensions_and_repeats_are_refused_naming_the_field()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Breakdown.Of(("Team", "North"), ("locality", ""), ("locality", "East")));

        Assert.Contains(ex.Problems, p => p.Field == "breakdown[0].dimension");
        Assert.Contains(ex.Problems, p => p.Field == "breakdown[1].value");
        Assert.Contains(ex.Problems, p => p.Field == "breakdown" && p.Description.Contains("locality"));
    }
}
