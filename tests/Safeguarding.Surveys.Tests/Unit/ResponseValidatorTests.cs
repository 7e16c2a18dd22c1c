using Safeguarding.Surveys.Domain;
using Safeguarding.Surveys.Domain.BuiltIn;
using Safeguarding.Surveys.Domain.Responses;
using Safeguarding.Surveys.Domain.XlsForm;

namespace Safeguarding.Surveys.Tests.Unit;

public sealed class ResponseValidatorTests
{
    private static readonly QuestionnaireDefinition Form = XlsFormReader.Read(
        new MemoryStream(XlsxBuilder.ValidForm()), new XlsFormReader.FormOverrides(string.Empty, string.Empty, Audience.Unspecified, string.Empty));

    private static SubmittedAnswer A(string q, string value) => new(q, value, []);

    private static IReadOnlyList<Problem> Problems(params SubmittedAnswer[] answers) =>
        Assert.Throws<DomainValidationException>(() => ResponseValidator.Validate(Form, answers)).Problems;

    [Fact]
    public void Accepts_a_complete_response_following_the_skip_logic()
    {
        var set = ResponseValidator.Validate(Form, [A("treated_well", "agree"), A("several", "no"), A("children", "2")]);
        Assert.Equal(["agree"], set.Values["treated_well"]);
        Assert.False(set.Values.ContainsKey("together"));
    }

    [Fact]
    public void Asks_the_skipped_section_when_its_condition_holds()
    {
        var problems = Problems(A("treated_well", "agree"), A("several", "yes"));
        Assert.Equal("answers[together]", Assert.Single(problems).Field);

        var set = ResponseValidator.Validate(Form, [A("treated_well", "agree"), A("several", "yes"), A("together", "agree"), new("which", "", ["police", "health"])]);
        Assert.Equal(["health", "police"], set.Values["which"]); // stored in the list's order
    }

    [Fact]
    public void Refuses_every_bad_answer_at_once()
    {
        var problems = Problems(
            A("treated_well", "kind of"),
            A("several", "no"),
            A("together", "agree"),
            A("children", "40"),
            A("story", "call me on 07700 900123"),
            A("nonsense", "x"));

        Assert.Equal(
            ["answers[nonsense]", "answers[treated_well]", "answers[together]", "answers[children]", "answers[story]"],
            problems.Select(p => p.Field));
        Assert.Contains("not one of the answers", problems[1].Description, StringComparison.Ordinal);
        Assert.Contains("was not asked", problems[2].Description, StringComparison.Ordinal);
        Assert.Contains("phone number", problems[4].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_questions_must_be_answered()
    {
        var problems = Problems(A("children", "1"));
        Assert.Equal(["answers[treated_well]", "answers[several]"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Refuses_a_duplicate_answer_and_two_values_for_a_single_choice()
    {
        Assert.Contains(Problems(A("treated_well", "agree"), A("treated_well", "agree"), A("several", "no")), p => p.Description.Contains("more than once", StringComparison.Ordinal));
        Assert.Contains(Problems(new SubmittedAnswer("treated_well", "", ["agree", "disagree"]), A("several", "no")), p => p.Description == "takes one answer");
    }

    [Fact]
    public void Built_in_child_survey_asks_the_follow_up_only_after_a_no()
    {
        var child = BuiltInQuestionnaires.Find("child-closure")!;
        SubmittedAnswer[] core = [A("listened", "agree"), A("felt_safer", "agree"), A("taken_seriously", "agree")];
        Assert.Throws<DomainValidationException>(() => ResponseValidator.Validate(child, [.. core, A("someone_to_talk_to", "yes"), A("no_one_help", "more time")]));
        var set = ResponseValidator.Validate(child, [.. core, A("someone_to_talk_to", "no"), A("no_one_help", "more time")]);
        Assert.Equal(["more time"], set.Values["no_one_help"]);
    }
}
