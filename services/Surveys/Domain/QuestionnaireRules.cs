using Safeguarding.Surveys.Domain.Expressions;

namespace Safeguarding.Surveys.Domain;

/// <summary>
/// What makes a questionnaire loadable: names unique and well formed, choices for choice questions, a sensible
/// rating range, skip logic and constraints in the supported expression subset referring only to questions asked
/// earlier, and a linked measure's positive answers among its choices. Field paths are supplied by the caller, so
/// the same rules report "survey!F7" for an XLSForm and "questionnaire.sections[0].questions[2].relevant" for the API.
/// </summary>
public static class QuestionnaireRules
{
    public const int MaxQuestions = 300;
    public const int MaxLabelLength = 1000;

    /// <summary>Where each part of a question came from, for error messages.</summary>
    public interface ILocator
    {
        string Question(int section, int index, string part);

        string Section(int section, string part);

        string Questionnaire(string part);
    }

    public static List<Problem> Check(QuestionnaireDefinition definition, ILocator where)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(where);
        var problems = new List<Problem>();
        if (!Names.IsValid(definition.QuestionnaireId))
        {
            problems.Add(new(where.Questionnaire("questionnaire_id"), "must be a name: a letter, then letters, digits, '_', '-' or '.' (at most 64)"));
        }

        if (string.IsNullOrWhiteSpace(definition.Title) || definition.Title.Length > 200)
        {
            problems.Add(new(where.Questionnaire("title"), "is required (at most 200 characters)"));
        }

        if (definition.Audience == Audience.Unspecified || !Enum.IsDefined(definition.Audience))
        {
            problems.Add(new(where.Questionnaire("audience"), "is required: child, parent_carer, frontline_staff or partner_professional"));
        }

        if (definition.AgeBand.Length > 0 && !AgeBands.IsValid(definition.AgeBand))
        {
            problems.Add(new(where.Questionnaire("age_band"), "must be a range of ages such as 8-12 or 13-17"));
        }

        var asked = new HashSet<string>(StringComparer.Ordinal);
        var all = definition.Questions.Select(q => q.Name).ToHashSet(StringComparer.Ordinal);
        var sectionNames = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        for (var s = 0; s < definition.Sections.Count; s++)
        {
            var section = definition.Sections[s];
            if (section.Name.Length > 0 && (!Names.IsValid(section.Name) || !sectionNames.Add(section.Name) || all.Contains(section.Name)))
            {
                problems.Add(new(where.Section(s, "name"), $"'{section.Name}' must be a unique name"));
            }

            CheckExpression(section.Relevant, allowSelf: false, asked, all, where.Section(s, "relevant"), problems);
            for (var i = 0; i < section.Questions.Count; i++)
            {
                total++;
                CheckQuestion(section.Questions[i], s, i, asked, all, where, problems);
                asked.Add(section.Questions[i].Name);
            }
        }

        if (total == 0)
        {
            problems.Add(new(where.Questionnaire("questions"), "a questionnaire needs at least one question"));
        }
        else if (total > MaxQuestions)
        {
            problems.Add(new(where.Questionnaire("questions"), $"at most {MaxQuestions} questions"));
        }

        return problems;
    }

    private static void CheckQuestion(QuestionDefinition q, int s, int i, HashSet<string> asked, HashSet<string> all, ILocator where, List<Problem> problems)
    {
        if (!Names.IsValid(q.Name))
        {
            problems.Add(new(where.Question(s, i, "name"), $"'{q.Name}' must be a name: a letter or '_', then letters, digits, '_', '-' or '.' (at most 64)"));
        }
        else if (asked.Contains(q.Name))
        {
            problems.Add(new(where.Question(s, i, "name"), $"'{q.Name}' is used by an earlier question; names must be unique"));
        }

        if (q.Kind == QuestionKind.Unspecified || !Enum.IsDefined(q.Kind))
        {
            problems.Add(new(where.Question(s, i, "type"), "is required"));
        }

        if (string.IsNullOrWhiteSpace(q.Label))
        {
            problems.Add(new(where.Question(s, i, "label"), "is required"));
        }
        else if (q.Label.Length > MaxLabelLength)
        {
            problems.Add(new(where.Question(s, i, "label"), $"at most {MaxLabelLength} characters"));
        }

        if (q.HasChoices)
        {
            if (q.Choices.Count == 0)
            {
                problems.Add(new(where.Question(s, i, "type"), q.ListName.Length > 0 ? $"list '{q.ListName}' has no choices" : "a choice question needs choices"));
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var choice in q.Choices)
            {
                if (!Names.IsValidChoice(choice.Name) || !seen.Add(choice.Name))
                {
                    problems.Add(new(where.Question(s, i, "choices"), $"choice '{choice.Name}' must be a unique name in its list"));
                }
                else if (string.IsNullOrWhiteSpace(choice.Label))
                {
                    problems.Add(new(where.Question(s, i, "choices"), $"choice '{choice.Name}' needs a label"));
                }
            }
        }

        if (q.Kind == QuestionKind.Rating && (q.RatingMin >= q.RatingMax || q.RatingMax - q.RatingMin > 10))
        {
            problems.Add(new(where.Question(s, i, "parameters"), "a rating needs start below end, at most 10 apart (start=1 end=5)"));
        }

        if (q.Kind == QuestionKind.Note && q.Required)
        {
            problems.Add(new(where.Question(s, i, "required"), "a note has no answer, so it cannot be required"));
        }

        CheckExpression(q.Relevant, allowSelf: false, asked, all, where.Question(s, i, "relevant"), problems);
        CheckExpression(q.Constraint, allowSelf: true, asked.Append(q.Name).ToHashSet(StringComparer.Ordinal), all, where.Question(s, i, "constraint"), problems);

        if (q.MeasureId.Length > 0)
        {
            if (q.MeasureId.Length > 128 || q.MeasureId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                problems.Add(new(where.Question(s, i, "measure_id"), "must be a measure id (no spaces, at most 128 characters)"));
            }

            if (!q.HasChoices && q.Kind != QuestionKind.Rating)
            {
                problems.Add(new(where.Question(s, i, "measure_id"), "only a choice, Likert, yes/no or rating question can feed a measure"));
            }
            else if (q.PositiveChoices.Count == 0)
            {
                problems.Add(new(where.Question(s, i, "measure_positive"), "say which answers count towards the measure (e.g. agree strongly_agree)"));
            }
        }

        foreach (var positive in q.PositiveChoices)
        {
            var known = q.Kind == QuestionKind.Rating
                ? int.TryParse(positive, out var n) && n >= q.RatingMin && n <= q.RatingMax
                : q.Choices.Any(c => c.Name == positive);
            if (!known)
            {
                problems.Add(new(where.Question(s, i, "measure_positive"), $"'{positive}' is not one of the question's answers"));
            }
        }
    }

    private static void CheckExpression(string text, bool allowSelf, HashSet<string> asked, HashSet<string> all, string field, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        try
        {
            var expression = ExpressionParser.Parse(text, allowSelf);
            foreach (var name in expression.References())
            {
                if (!all.Contains(name))
                {
                    problems.Add(new(field, $"refers to ${{{name}}}, which is not a question in this form"));
                }
                else if (!asked.Contains(name))
                {
                    problems.Add(new(field, $"refers to ${{{name}}}, which is asked later; skip logic may only use earlier answers"));
                }
            }
        }
        catch (ExpressionException ex)
        {
            problems.Add(new(field, $"{ex.Message} (at character {ex.Position})"));
        }
    }

    /// <summary>
    /// Plain-English advice (the wording check): long labels and long sentences, stricter for children. Advice, not
    /// a refusal: a form written elsewhere still loads.
    /// </summary>
    public static List<(string Question, string Note)> WordingNotes(QuestionnaireDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var maxWords = definition.Audience == Audience.Child ? 15 : 25;
        var notes = new List<(string, string)>();
        foreach (var q in definition.Questions)
        {
            var longest = q.Label.Split(['.', '?', '!'], StringSplitOptions.RemoveEmptyEntries)
                .Select(sentence => sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length)
                .DefaultIfEmpty(0).Max();
            if (longest > maxWords)
            {
                notes.Add((q.Name, $"a sentence of {longest} words; aim for at most {maxWords}"));
            }

            var longWords = q.Label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Trim(',', '.', '?', '!').Length >= 13);
            if (longWords > 0)
            {
                notes.Add((q.Name, $"{longWords} long word(s) of 13 letters or more; a shorter everyday word may read more easily"));
            }
        }

        return notes;
    }
}

/// <summary>Age bands as people say them: "8-12", "13-15" (ages 4 to 25).</summary>
public static class AgeBands
{
    public static bool IsValid(string band)
    {
        var parts = band.Replace('\u2013', '-').Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], out var from) && int.TryParse(parts[1], out var to)
            && from >= 4 && to <= 25 && from <= to;
    }

    public static string Normalise(string band) => band.Replace('\u2013', '-').Trim();
}
