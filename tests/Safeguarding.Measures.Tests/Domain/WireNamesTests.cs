using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Tests.Domain;

public sealed class WireNamesTests
{
    [Theory]
    [InlineData(MeasureUnit.RatePer10000, "rate_per_10000")]
    [InlineData(MeasureUnit.Percentage, "percentage")]
    public void Units_have_snake_case_names(MeasureUnit unit, string expected) =>
        Assert.Equal(expected, WireNames.ToWire(unit));

    [Theory]
    [InlineData(FollowUp.Months12, "months_12")]
    [InlineData(FollowUp.AtClosure, "at_closure")]
    [InlineData(FollowUp.None, "none")]
    public void Follow_ups_have_snake_case_names(FollowUp followUp, string expected) =>
        Assert.Equal(expected, WireNames.ToWire(followUp));

    [Fact]
    public void Sources_use_the_framework_names() =>
        Assert.Equal(["children_parents_carers", "frontline_staff", "case_records", "organisational_systems", "external"], WireNames.All<Source>());

    [Fact]
    public void Parsing_ignores_case_and_surrounding_space()
    {
        Assert.True(WireNames.TryParse<Polarity>(" Lower_Better ", out var polarity));
        Assert.Equal(Polarity.LowerBetter, polarity);
    }

    [Fact]
    public void Parsing_an_unknown_name_records_a_problem_listing_legal_values()
    {
        var problems = new ValidationProblems();

        var parsed = WireNames.Parse<InformationType>("outcomes", "measures[0].type", problems);

        Assert.Null(parsed);
        var problem = Assert.Single(problems.Items);
        Assert.Equal("measures[0].type", problem.Field);
        Assert.Contains("quantity, quality, outcome", problem.Description);
    }

    [Fact]
    public void Every_state_round_trips()
    {
        foreach (var state in Enum.GetValues<ObservationState>())
        {
            Assert.True(WireNames.TryParse<ObservationState>(WireNames.ToWire(state), out var parsed));
            Assert.Equal(state, parsed);
        }
    }
}
