using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Tests.Support;

namespace Safeguarding.Measures.Tests.Domain;

public sealed class MeasureDefinitionRulesTests
{
    [Fact]
    public void The_test_definitions_are_valid()
    {
        Assert.Empty(MeasureDefinitionRules.Validate(TestData.Percentage()));
        Assert.Empty(MeasureDefinitionRules.Validate(TestData.Count()));
        Assert.Empty(MeasureDefinitionRules.Validate(TestData.SampledAudit()));
    }

    [Fact]
    public void A_percentage_needs_both_definitions() =>
        AssertProblem(TestData.Percentage() with { DenominatorDefinition = " " }, "denominator_definition");

    [Fact]
    public void A_count_says_what_is_counted_and_has_no_denominator()
    {
        AssertProblem(TestData.Count() with { NumeratorDefinition = null }, "numerator_definition");
        AssertProblem(TestData.Count() with { DenominatorDefinition = "children" }, "denominator_definition");
    }

    [Fact]
    public void Only_outcomes_have_a_follow_up() =>
        AssertProblem(TestData.Percentage() with { Type = InformationType.Quality, FollowUp = FollowUp.Months6 }, "follow_up");

    [Fact]
    public void Sampled_measures_are_percentages() =>
        AssertProblem(TestData.Count() with { Sampling = Sampling.Sample }, "sampling");

    [Theory]
    [InlineData("Bad Id")]
    [InlineData("")]
    [InlineData("1abc")]
    public void Ids_are_slugs(string id) => AssertProblem(TestData.Percentage() with { Id = id }, "id");

    [Fact]
    public void Undefined_enum_values_name_the_field() =>
        AssertProblem(TestData.Percentage() with { Unit = (MeasureUnit)42 }, "unit");

    [Fact]
    public void Breakdowns_must_be_distinct_slugs()
    {
        AssertProblem(TestData.Count() with { Breakdowns = ["team", "team"] }, "breakdowns");
        AssertProblem(TestData.Count() with { Breakdowns = ["Team Name"] }, "breakdowns[0]");
    }

    [Fact]
    public void Titles_are_single_line() =>
        AssertProblem(TestData.Percentage() with { Title = "two\nlines" }, "title");

    private static void AssertProblem(MeasureDefinition definition, string field) =>
        Assert.Contains(MeasureDefinitionRules.Validate(definition), p => p.Field == field);
}
