using Safeguarding.Audits.Domain;

namespace Safeguarding.Audits.Tests.Domain;

public sealed class CohensKappaTests
{
    [Fact]
    public void Perfect_agreement_over_several_answers_is_one()
    {
        var result = CohensKappa.Compute([("GOOD", "GOOD"), ("INADEQUATE", "INADEQUATE"), ("GOOD", "GOOD"), ("OUTSTANDING", "OUTSTANDING")]);
        Assert.Equal(4, result.Pairs);
        Assert.Equal(4, result.Agreed);
        Assert.Equal(1.0, result.Observed);
        Assert.Equal(1.0, result.Kappa!.Value, 10);
    }

    [Fact]
    public void Textbook_example_gives_the_published_kappa()
    {
        // 50 items: both yes 20, first yes second no 5, first no second yes 10, both no 15.
        // p_o = 0.7; p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = 0.4.
        var pairs = new List<(string, string)>();
        pairs.AddRange(Enumerable.Repeat(("YES", "YES"), 20));
        pairs.AddRange(Enumerable.Repeat(("YES", "NO"), 5));
        pairs.AddRange(Enumerable.Repeat(("NO", "YES"), 10));
        pairs.AddRange(Enumerable.Repeat(("NO", "NO"), 15));
        var result = CohensKappa.Compute(pairs);
        Assert.Equal(0.7, result.Observed, 10);
        Assert.Equal(0.4, result.Kappa!.Value, 10);
    }

    [Fact]
    public void Agreement_no_better_than_chance_is_zero_and_worse_is_negative()
    {
        Assert.Equal(0.0, CohensKappa.Compute([("YES", "YES"), ("YES", "NO"), ("NO", "YES"), ("NO", "NO")]).Kappa!.Value, 10);
        Assert.True(CohensKappa.Compute([("YES", "NO"), ("NO", "YES")]).Kappa < 0);
    }

    [Fact]
    public void Kappa_is_undefined_without_pairs_or_when_everyone_gave_one_answer()
    {
        Assert.Null(CohensKappa.Compute([]).Kappa);
        var same = CohensKappa.Compute([("GOOD", "GOOD"), ("GOOD", "GOOD")]);
        Assert.Equal(1.0, same.Observed);
        Assert.Null(same.Kappa);
    }
}
