using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Safeguarding.Surveys.Domain;

namespace Safeguarding.Surveys.Grpc;

/// <summary>Questionnaires between the domain and safeguarding.surveys.v1 (also the stored JSON form).</summary>
public static class QuestionnaireMapping
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static V1.Questionnaire ToProto(QuestionnaireDefinition d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var message = new V1.Questionnaire
        {
            QuestionnaireId = d.QuestionnaireId,
            Version = d.Version,
            Title = d.Title,
            Audience = (V1.Audience)(int)d.Audience,
            AgeBand = d.AgeBand,
            OrganisationCode = d.OrganisationCode,
            BuiltIn = d.BuiltIn,
            CreatedAt = d.CreatedAt == default ? null : Timestamp.FromDateTime(DateTime.SpecifyKind(d.CreatedAt, DateTimeKind.Utc)),
        };
        foreach (var s in d.Sections)
        {
            var section = new V1.Section { Name = s.Name, Title = s.Title, Relevant = s.Relevant };
            foreach (var q in s.Questions)
            {
                var question = new V1.Question
                {
                    Name = q.Name,
                    Kind = (V1.QuestionKind)(int)q.Kind,
                    Label = q.Label,
                    Hint = q.Hint,
                    Required = q.Required,
                    Relevant = q.Relevant,
                    Constraint = q.Constraint,
                    ConstraintMessage = q.ConstraintMessage,
                    ListName = q.ListName,
                    RatingMin = q.RatingMin,
                    RatingMax = q.RatingMax,
                    MeasureId = q.MeasureId,
                };
                question.Choices.AddRange(q.Choices.Select(c => new V1.Choice { Name = c.Name, Label = c.Label }));
                question.PositiveChoices.AddRange(q.PositiveChoices);
                section.Questions.Add(question);
            }

            message.Sections.Add(section);
        }

        foreach (var (question, note) in QuestionnaireRules.WordingNotes(d))
        {
            message.WordingNotes.Add(new V1.WordingNote { QuestionName = question, Note = note });
        }

        return message;
    }

    public static QuestionnaireDefinition FromProto(V1.Questionnaire m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new QuestionnaireDefinition
        {
            QuestionnaireId = m.QuestionnaireId.Trim(),
            Version = m.Version,
            Title = m.Title.Trim(),
            Audience = (Audience)(int)m.Audience,
            AgeBand = m.AgeBand.Trim(),
            OrganisationCode = m.OrganisationCode.Trim(),
            BuiltIn = m.BuiltIn,
            CreatedAt = m.CreatedAt?.ToDateTime() ?? default,
            Sections = [.. m.Sections.Select(s => new SectionDefinition(s.Name.Trim(), s.Title.Trim(), s.Relevant.Trim(), [.. s.Questions.Select(q => new QuestionDefinition
            {
                Name = q.Name.Trim(),
                Kind = (QuestionKind)(int)q.Kind,
                Label = q.Label.Trim(),
                Hint = q.Hint.Trim(),
                Required = q.Required,
                Relevant = q.Relevant.Trim(),
                Constraint = q.Constraint.Trim(),
                ConstraintMessage = q.ConstraintMessage.Trim(),
                ListName = q.ListName.Trim(),
                Choices = [.. q.Choices.Select(c => new ChoiceDefinition(c.Name.Trim(), c.Label.Trim()))],
                RatingMin = q.RatingMin,
                RatingMax = q.RatingMax,
                MeasureId = q.MeasureId.Trim(),
                PositiveChoices = [.. q.PositiveChoices.Select(p => p.Trim())],
            })]))],
        };
    }

    /// <summary>The definition as stored: its proto JSON without output-only parts.</summary>
    public static string ToJson(QuestionnaireDefinition d)
    {
        var message = ToProto(d);
        message.WordingNotes.Clear();
        message.CreatedAt = null;
        message.Version = 0;
        return Formatter.Format(message);
    }

    public static QuestionnaireDefinition FromJson(string json) => FromProto(Parser.Parse<V1.Questionnaire>(json));

    /// <summary>Where each part of an API questionnaire is, for error messages.</summary>
    public sealed class ApiLocator(string prefix) : QuestionnaireRules.ILocator
    {
        public string Question(int section, int index, string part) => $"{prefix}.sections[{section}].questions[{index}].{Field(part)}";

        public string Section(int section, string part) => $"{prefix}.sections[{section}].{part}";

        public string Questionnaire(string part) => $"{prefix}.{part}";

        private static string Field(string part) => part switch
        {
            "type" => "kind",
            "parameters" => "rating_max",
            "measure_positive" => "positive_choices",
            _ => part,
        };
    }
}
