using Safeguarding.Audits.Domain;
using Safeguarding.Audits.V1;

namespace Safeguarding.Audits.Tests.Domain;

public sealed class MeasureLinkRuleTests
{
    private static MeasureLink YesOverAnswered() =>
        new() { MeasureId = "m.child-focus", NumeratorAnswers = { "YES" }, DenominatorAnswers = { "YES", "PARTLY", "NO" } };

    [Fact]
    public void Yes_over_yes_partly_no_leaves_not_applicable_and_unanswered_out()
    {
        var figure = MeasureLinkRule.Count(YesOverAnswered(), ["YES", "YES", "PARTLY", "NO", "NOT_APPLICABLE", null, "YES"]);
        Assert.Equal(new LinkedFigure(3, 5), figure);
    }

    [Fact]
    public void Good_or_better_over_all_grades()
    {
        var link = new MeasureLink { MeasureId = "m.quality", NumeratorAnswers = { "OUTSTANDING", "GOOD" }, DenominatorAnswers = { Answers.Grades } };
        Assert.Equal(new LinkedFigure(2, 4), MeasureLinkRule.Count(link, ["GOOD", "OUTSTANDING", "INADEQUATE", "REQUIRES_IMPROVEMENT", "NOT_APPLICABLE"]));
    }

    [Fact]
    public void No_answers_is_zero_over_zero()
    {
        Assert.Equal(new LinkedFigure(0, 0), MeasureLinkRule.Count(YesOverAnswered(), []));
    }

    [Fact]
    public void A_link_whose_numerator_is_not_part_of_its_denominator_is_refused_with_the_field()
    {
        var problems = new Problems();
        var link = new MeasureLink { MeasureId = "m.x", NumeratorAnswers = { "YES", "NOT_APPLICABLE" }, DenominatorAnswers = { "YES", "NO" } };
        MeasureLinkRule.Validate(link, ResponseType.YesPartlyNo, "c.measure_link", problems);
        Assert.Contains(problems.Items, p => p.Field == "c.measure_link.numerator_answers[1]");
    }

    [Fact]
    public void Codes_of_another_response_type_and_free_text_links_are_refused()
    {
        var problems = new Problems();
        MeasureLinkRule.Validate(YesOverAnswered(), ResponseType.Graded, "c", problems);
        Assert.Contains(problems.Items, p => p.Field == "c.denominator_answers[0]");

        var text = new Problems();
        MeasureLinkRule.Validate(YesOverAnswered(), ResponseType.FreeText, "c", text);
        Assert.Contains(text.Items, p => p.Field == "c");
    }
}
