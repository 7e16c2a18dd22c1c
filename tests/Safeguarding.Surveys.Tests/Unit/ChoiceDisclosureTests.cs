using Safeguarding.Surveys.Domain.Results;

namespace Safeguarding.Surveys.Tests.Unit;

public sealed class ChoiceDisclosureTests
{
    private static IReadOnlyList<bool> Single(int[] counts, int minimum = 5) =>
        ChoiceDisclosure.Protect(counts, minimum, counts.Sum(), singleChoice: true, [], null).ChoiceWithheld;

    [Fact]
    public void A_small_choice_is_withheld_with_the_next_smallest_so_the_total_does_not_give_it_away()
    {
        Assert.Equal([false, true, true, false], Single([20, 3, 9, 40]));
    }

    [Fact]
    public void Two_small_choices_whose_hidden_sum_reaches_the_minimum_protect_each_other()
    {
        Assert.Equal([false, true, true, false], Single([20, 3, 2, 40]));
    }

    [Fact]
    public void Two_small_choices_whose_hidden_sum_is_below_the_minimum_need_a_third()
    {
        // 1 + 1 = 2 is known from the total: each is bounded below 5, so one more choice is withheld.
        var withheld = Single([20, 1, 1, 40]);
        Assert.True(withheld[1] && withheld[2]);
        Assert.Equal(3, withheld.Count(w => w));
    }

    [Fact]
    public void Zero_is_shown_and_nothing_is_withheld_without_a_small_count()
    {
        Assert.Equal([false, false, false], Single([0, 7, 9]));
    }

    [Fact]
    public void The_positive_count_is_withheld_when_it_would_give_a_small_choice_away()
    {
        // Positive = agree; answered 6 = agree 5 + disagree 1: showing 5 positive reveals the 1.
        var result = ChoiceDisclosure.Protect([5, 1], 5, 6, singleChoice: true, positiveChoices: [0], positive: 5);
        Assert.Equal([true, true], result.ChoiceWithheld);
        Assert.True(result.PositiveWithheld);
    }

    [Fact]
    public void The_positive_count_stays_when_the_choices_it_sums_are_large()
    {
        var result = ChoiceDisclosure.Protect([30, 12, 2, 6], 5, 50, singleChoice: true, positiveChoices: [0, 1], positive: 42);
        Assert.False(result.PositiveWithheld);
        Assert.True(result.ChoiceWithheld[2]);
        Assert.False(result.ChoiceWithheld[0] || result.ChoiceWithheld[1]);
    }

    [Fact]
    public void Several_choices_per_respondent_have_no_total_to_subtract_from_so_only_small_counts_go()
    {
        var result = ChoiceDisclosure.Protect([20, 3, 9], 5, 25, singleChoice: false, [0], 20);
        Assert.Equal([false, true, false], result.ChoiceWithheld);
        Assert.False(result.PositiveWithheld);
    }
}
