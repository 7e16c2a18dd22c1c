using Safeguarding.Surveys.Domain;
using Safeguarding.Surveys.Domain.BuiltIn;
using Safeguarding.Surveys.Domain.XlsForm;

namespace Safeguarding.Surveys.Tests.Unit;

public sealed class XlsFormTests
{
    private static readonly XlsFormReader.FormOverrides None = new(string.Empty, string.Empty, Audience.Unspecified, string.Empty);

    private static QuestionnaireDefinition Read(byte[] xlsx, XlsFormReader.FormOverrides? overrides = null) =>
        XlsFormReader.Read(new MemoryStream(xlsx), overrides ?? None);

    private static IReadOnlyList<Problem> Problems(byte[] xlsx) =>
        Assert.Throws<DomainValidationException>(() => Read(xlsx)).Problems;

    [Fact]
    public void Reads_a_form_as_ODK_tools_write_it()
    {
        var form = Read(XlsxBuilder.ValidForm());

        Assert.Equal("parent-exit", form.QuestionnaireId);
        Assert.Equal("Parents at closure", form.Title);
        Assert.Equal(Audience.ParentCarer, form.Audience);
        Assert.Equal(3, form.Sections.Count);
        Assert.Equal("agencies", form.Sections[1].Name);
        Assert.Equal("${several} = 'yes'", form.Sections[1].Relevant);
        Assert.DoesNotContain(form.Questions, q => q.Name == "start"); // metadata is not a question

        var treated = form.Find("treated_well")!;
        Assert.Equal(QuestionKind.Likert, treated.Kind);
        Assert.True(treated.Required);
        Assert.Equal(5, treated.Choices.Count);
        Assert.Equal("front-door-services-measure-4", treated.MeasureId);
        Assert.Equal(["agree", "strongly_agree"], treated.PositiveChoices);
        Assert.Equal(QuestionKind.YesNo, form.Find("several")!.Kind);
        Assert.Equal(QuestionKind.MultipleChoice, form.Find("which")!.Kind);
        Assert.Equal(QuestionKind.Number, form.Find("children")!.Kind);
        Assert.Equal(". >= 0 and . <= 15", form.Find("children")!.Constraint);
        Assert.Equal(QuestionKind.FreeText, form.Find("story")!.Kind);
    }

    [Fact]
    public void Lists_every_error_in_the_file_with_its_cell_and_loads_nothing()
    {
        var xlsx = XlsxBuilder.Build(
            ("survey",
            [
                XlsxBuilder.SurveyHeader,
                ["select_one yes_no", "q1", "First?", "yes", "", "", "", "", ""],
                ["geopoint", "where", "Where are you?", "", "", "", "", "", ""],
                ["select_one yes_no", "q1", "Again?", "", "${q1} = 'yes", "", "", "", ""],
                ["text", "q3", "Third", "maybe", "${later} = 'x'", "", "", "", ""],
                ["select_one missing", "q4", "Fourth", "", "${q1} + 1", "", "", "", ""],
                ["text", "later", "Later", "", "", "", "", "", ""],
            ]),
            ("choices", [["list_name", "name", "label"], ["yes_no", "yes", "Yes"], ["yes_no", "no", "No"], ["yes_no", "no", "No again"]]),
            ("settings", [["form_id", "form_title", "audience"], ["bad-form", "Bad", "aliens"]]));

        var problems = Problems(xlsx);
        var text = problems.Select(p => $"{p.Field} {p.Description}").ToList();

        Assert.Contains(text, t => t.StartsWith("survey!A3 type: 'geopoint' is not a supported question type", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("survey!E4 relevant: text has no closing quote (at character 9)", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("survey!B4 name: 'q1' is used by an earlier question", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("survey!D5 required: 'maybe' must be yes or no", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("survey!E5 relevant: refers to ${later}, which is asked later", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("survey!A6 type: list 'missing' is not on the choices sheet", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("survey!E6 relevant: '+' is not supported", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("choices!B4 name: 'no' appears twice in list 'yes_no'", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("settings!C2 audience: 'aliens' must be one of", StringComparison.Ordinal));
        Assert.Equal(9, problems.Count); // the nine above, each cell reported once
        Assert.Equal(problems.Count, problems.Select(p => p.Field).Distinct().Count());
    }

    [Theory]
    [InlineData("choice_filter", "choice_filter: is not supported")]
    [InlineData("begin repeat", "type: 'begin repeat' is not a supported question type")]
    [InlineData("calculate", "type: 'calculate' is not a supported question type")]
    public void Refuses_features_it_would_not_honour(string what, string expected)
    {
        string[] header = what == "choice_filter" ? [.. XlsxBuilder.SurveyHeader, "choice_filter"] : XlsxBuilder.SurveyHeader;
        string[] row = what == "choice_filter"
            ? ["select_one yes_no", "q", "Q?", "", "", "", "", "", "", "name = 'yes'"]
            : [what, "q", "Q?", "", "", "", "", "", ""];
        var xlsx = XlsxBuilder.Build(
            ("survey", [header, ["text", "first", "First", "", "", "", "", "", ""], row]),
            ("choices", [["list_name", "name", "label"], ["yes_no", "yes", "Yes"], ["yes_no", "no", "No"]]),
            ("settings", [["form_id", "form_title", "audience"], ["f", "F", "child"]]));

        Assert.Contains(Problems(xlsx), p => p.Description.StartsWith(expected, StringComparison.Ordinal) && p.Field.EndsWith('3'));
    }

    [Fact]
    public void Refuses_a_file_that_is_not_a_workbook()
    {
        var problems = Problems("this is not a zip"u8.ToArray());
        Assert.Equal("xlsx", Assert.Single(problems).Field);
    }

    [Fact]
    public void Refuses_a_workbook_without_a_survey_sheet()
    {
        var xlsx = XlsxBuilder.Build(("choices", [["list_name", "name", "label"]]));
        Assert.Contains("no 'survey' sheet", Assert.Single(Problems(xlsx)).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_translated_labels_and_ranges()
    {
        var xlsx = XlsxBuilder.Build(
            ("survey",
            [
                ["type", "name", "label::English (en)", "label::Cymraeg (cy)", "parameters", "appearance"],
                ["range", "score", "How good was it?", "Pa mor dda oedd e?", "start=1 end=10 step=1", "rating"],
            ]),
            ("settings", [["form_id", "form_title", "audience", "age_band"], ["rate", "Rate us", "child", "8-12"]]));

        var form = Read(xlsx);
        var score = form.Find("score")!;
        Assert.Equal("How good was it?", score.Label);
        Assert.Equal((QuestionKind.Rating, 1, 10), (score.Kind, score.RatingMin, score.RatingMax));
        Assert.Equal("8-12", form.AgeBand);
    }

    [Fact]
    public void Request_settings_override_the_file()
    {
        var form = Read(XlsxBuilder.ValidForm(), new XlsFormReader.FormOverrides("renamed", "New title", Audience.FrontlineStaff, string.Empty));
        Assert.Equal(("renamed", "New title", Audience.FrontlineStaff), (form.QuestionnaireId, form.Title, form.Audience));
    }

    [Fact]
    public void Round_trips_every_built_in_questionnaire_through_its_own_export()
    {
        foreach (var builtIn in BuiltInQuestionnaires.All)
        {
            var back = Read(XlsFormWriter.Write(builtIn));

            Assert.Equal(builtIn.QuestionnaireId, back.QuestionnaireId);
            Assert.Equal(builtIn.Audience, back.Audience);
            Assert.Equal(builtIn.AgeBand, back.AgeBand);
            Assert.Equal(builtIn.Sections.Count, back.Sections.Count);
            Assert.Equal(builtIn.Questions.Select(q => (q.Name, q.Kind, q.Label, q.Required, q.Relevant, q.MeasureId, string.Join(' ', q.PositiveChoices), q.Choices.Count)),
                back.Questions.Select(q => (q.Name, q.Kind, q.Label, q.Required, q.Relevant, q.MeasureId, string.Join(' ', q.PositiveChoices), q.Choices.Count)));
        }
    }

    [Fact]
    public void Wording_advice_is_stricter_for_children_and_never_a_refusal()
    {
        var long19 = "When you think about all of the different people who came to see you this year did they help";
        QuestionnaireDefinition Form(Audience audience) => new()
        {
            QuestionnaireId = "w", Title = "W", Audience = audience,
            Sections = [new SectionDefinition("", "", "", [new QuestionDefinition { Name = "q", Kind = QuestionKind.FreeText, Label = long19 + "?" }])],
        };

        Assert.Contains(QuestionnaireRules.WordingNotes(Form(Audience.Child)), n => n.Note.StartsWith("a sentence of 19 words; aim for at most 15", StringComparison.Ordinal));
        Assert.Empty(QuestionnaireRules.WordingNotes(Form(Audience.ParentCarer)));
        Assert.Empty(QuestionnaireRules.Check(Form(Audience.Child), new Grpc.QuestionnaireMapping.ApiLocator("q")));
        var jargon = Form(Audience.ParentCarer) with
        {
            Sections = [new SectionDefinition("", "", "", [new QuestionDefinition { Name = "q", Kind = QuestionKind.FreeText, Label = "Was the multidisciplinary intervention proportionate?" }])],
        };
        Assert.Contains(QuestionnaireRules.WordingNotes(jargon), n => n.Note.StartsWith("2 long word", StringComparison.Ordinal));
    }

    [Fact]
    public void Built_in_questionnaires_pass_their_own_rules()
    {
        Assert.Equal(7, BuiltInQuestionnaires.All.Count);
        foreach (var q in BuiltInQuestionnaires.All)
        {
            Assert.Empty(QuestionnaireRules.Check(q, new Grpc.QuestionnaireMapping.ApiLocator("q")));
        }

        Assert.Contains(BuiltInQuestionnaires.All, q => q.Audience == Audience.FrontlineStaff && q.Questions.Count(x => x.MeasureId.Length > 0) >= 8);
    }
}
