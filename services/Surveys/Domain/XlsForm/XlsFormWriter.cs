using System.Globalization;

namespace Safeguarding.Surveys.Domain.XlsForm;

/// <summary>Writes a questionnaire as an XLSForm that ODK / KoboToolbox tools open and this service reads back unchanged.</summary>
public static class XlsFormWriter
{
    private static readonly string[] SurveyColumns =
        ["type", "name", "label", "hint", "required", "relevant", "constraint", "constraint_message", "appearance", "parameters", "measure_id", "measure_positive"];

    private static readonly string[] ChoiceColumns = ["list_name", "name", "label"];

    public static byte[] Write(QuestionnaireDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var survey = new List<IReadOnlyList<string>> { SurveyColumns };
        var choices = new List<IReadOnlyList<string>> { ChoiceColumns };
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in definition.Sections)
        {
            var grouped = section.Name.Length > 0;
            if (grouped)
            {
                survey.Add(Row("begin_group", section.Name, section.Title, relevant: section.Relevant));
            }

            foreach (var q in section.Questions)
            {
                var list = q.ListName.Length > 0 ? q.ListName : q.Name + "_choices";
                var type = q.Kind switch
                {
                    QuestionKind.MultipleChoice => "select_multiple " + list,
                    QuestionKind.SingleChoice or QuestionKind.Likert or QuestionKind.YesNo => "select_one " + list,
                    QuestionKind.Rating => "range",
                    QuestionKind.Number => "decimal",
                    QuestionKind.Note => "note",
                    _ => "text",
                };
                survey.Add(Row(
                    type, q.Name, q.Label, q.Hint, q.Required ? "yes" : string.Empty, q.Relevant, q.Constraint, q.ConstraintMessage,
                    q.Kind == QuestionKind.Likert ? "likert" : string.Empty,
                    q.Kind == QuestionKind.Rating ? string.Create(CultureInfo.InvariantCulture, $"start={q.RatingMin} end={q.RatingMax} step=1") : string.Empty,
                    q.MeasureId, string.Join(' ', q.PositiveChoices)));
                if (q.HasChoices && written.Add(list))
                {
                    choices.AddRange(q.Choices.Select(c => new[] { list, c.Name, c.Label }));
                }
            }

            if (grouped)
            {
                survey.Add(Row("end_group", section.Name, string.Empty));
            }
        }

        IReadOnlyList<IReadOnlyList<string>> settings =
        [
            ["form_id", "form_title", "version", "audience", "age_band"],
            [definition.QuestionnaireId, definition.Title, definition.Version.ToString(CultureInfo.InvariantCulture), XlsFormReader.AudienceName(definition.Audience), definition.AgeBand],
        ];
        return XlsxSheets.Write([("survey", survey), ("choices", choices), ("settings", settings)]);
    }

    private static string[] Row(
        string type, string name, string label, string hint = "", string required = "", string relevant = "", string constraint = "",
        string constraintMessage = "", string appearance = "", string parameters = "", string measureId = "", string positive = "") =>
        [type, name, label, hint, required, relevant, constraint, constraintMessage, appearance, parameters, measureId, positive];
}
