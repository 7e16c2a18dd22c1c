using System.Globalization;
using Safeguarding.Platform.Grpc;
using Safeguarding.Surveys.Domain.Expressions;

namespace Safeguarding.Surveys.Domain.Responses;

/// <summary>One submitted answer: a single value, or a multiple choice's values.</summary>
public sealed record SubmittedAnswer(string Question, string Value, IReadOnlyList<string> Values);

/// <summary>The answers as stored: question name to its value(s); multiple choices as their selections in choice order.</summary>
public sealed class AnswerSet : IAnswerLookup
{
    private readonly Dictionary<string, IReadOnlyList<string>> _answers = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values => _answers;

    public void Set(string question, IReadOnlyList<string> values) => _answers[question] = values;

    public string Text(string question) => _answers.TryGetValue(question, out var v) ? string.Join(' ', v) : string.Empty;

    public IReadOnlyList<string> Selections(string question) => _answers.TryGetValue(question, out var v) ? v : [];
}

/// <summary>
/// Checks a response against its questionnaire version, as the respondent's pages would have asked it: questions in
/// order, each asked only when its section's and its own <c>relevant</c> hold on the answers before it; required
/// questions answered; choices among the list; numbers and ratings in range; constraints met; free text without
/// personal details. An answer to a question that was not asked is refused, so stored answers always follow the
/// skip logic. Every problem is reported, named <c>answers[question]</c>.
/// </summary>
public static class ResponseValidator
{
    public const int MaxTextLength = 2000;

    public static AnswerSet Validate(QuestionnaireDefinition questionnaire, IReadOnlyList<SubmittedAnswer> submitted)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(submitted);
        var problems = new List<Problem>();
        var given = new Dictionary<string, SubmittedAnswer>(StringComparer.Ordinal);
        foreach (var answer in submitted)
        {
            var field = $"answers[{answer.Question}]";
            if (questionnaire.Find(answer.Question) is null)
            {
                problems.Add(new(field, "is not a question of this survey"));
            }
            else if (!given.TryAdd(answer.Question, answer))
            {
                problems.Add(new(field, "is answered more than once"));
            }
        }

        var accepted = new AnswerSet();
        foreach (var section in questionnaire.Sections)
        {
            var sectionAsked = Holds(section.Relevant, accepted);
            foreach (var q in section.Questions)
            {
                var field = $"answers[{q.Name}]";
                var asked = sectionAsked && Holds(q.Relevant, accepted);
                var values = given.TryGetValue(q.Name, out var answer) ? Values(answer) : [];
                if (values.Count == 0)
                {
                    if (asked && q.Required)
                    {
                        problems.Add(new(field, q.HasChoices ? "select an answer" : "enter an answer"));
                    }

                    continue;
                }

                if (!asked)
                {
                    problems.Add(new(field, "was not asked (its skip logic leaves it out for these answers); leave it unanswered"));
                    continue;
                }

                if (Check(q, values, field, accepted, problems) is { } stored)
                {
                    accepted.Set(q.Name, stored);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new DomainValidationException(problems);
        }

        return accepted;
    }

    /// <summary>
    /// Checks one question's answer as its page is sent (required, choices, numbers, constraint, personal details):
    /// the stored values, or the problem to show beside it.
    /// </summary>
    public static (IReadOnlyList<string>? Stored, string? Problem) CheckOne(QuestionDefinition q, IReadOnlyList<string> values, AnswerSet earlier)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(values);
        var given = values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        if (given.Count == 0)
        {
            return (null, q.Required ? (q.HasChoices || q.Kind == QuestionKind.Rating ? "Select an answer" : "Enter an answer") : null);
        }

        var problems = new List<Problem>();
        var stored = Check(q, given, q.Name, earlier, problems);
        return (stored, problems.Count > 0 ? Capitalise(problems[0].Description) : null);
    }

    /// <summary>The questions asked for these answers, in order (an answer to a question no longer asked does not count).</summary>
    public static List<QuestionDefinition> Asked(QuestionnaireDefinition questionnaire, IReadOnlyDictionary<string, IReadOnlyList<string>> answers)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(answers);
        var asked = new List<QuestionDefinition>();
        var kept = new AnswerSet();
        foreach (var section in questionnaire.Sections)
        {
            var sectionAsked = Holds(section.Relevant, kept);
            foreach (var q in section.Questions)
            {
                if (sectionAsked && Holds(q.Relevant, kept))
                {
                    asked.Add(q);
                    if (answers.TryGetValue(q.Name, out var values))
                    {
                        kept.Set(q.Name, values);
                    }
                }
            }
        }

        return asked;
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Whether <paramref name="q"/> is asked given the answers so far (the pages use this to skip).</summary>
    public static bool IsAsked(QuestionnaireDefinition questionnaire, QuestionDefinition q, IAnswerLookup answers)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        var section = questionnaire.Sections.First(s => s.Questions.Contains(q));
        return Holds(section.Relevant, answers) && Holds(q.Relevant, answers);
    }

    private static bool Holds(string relevant, IAnswerLookup answers) =>
        string.IsNullOrWhiteSpace(relevant) || ExpressionParser.Parse(relevant, allowSelf: false).IsTrue(answers);

    private static List<string> Values(SubmittedAnswer answer)
    {
        var values = answer.Values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        if (answer.Value.Trim() is { Length: > 0 } single)
        {
            values.Insert(0, single);
        }

        return values;
    }

    private static List<string>? Check(QuestionDefinition q, List<string> values, string field, AnswerSet accepted, List<Problem> problems)
    {
        if (q.Kind == QuestionKind.Note)
        {
            problems.Add(new(field, "is a note and takes no answer"));
            return null;
        }

        if (q.Kind != QuestionKind.MultipleChoice && values.Count > 1)
        {
            problems.Add(new(field, "takes one answer"));
            return null;
        }

        var value = values[0];
        switch (q.Kind)
        {
            case QuestionKind.SingleChoice or QuestionKind.Likert or QuestionKind.YesNo:
                if (q.Choices.All(c => c.Name != value))
                {
                    problems.Add(new(field, $"'{Shorten(value)}' is not one of the answers to choose from"));
                    return null;
                }

                break;
            case QuestionKind.MultipleChoice:
                var unknown = values.FirstOrDefault(v => q.Choices.All(c => c.Name != v));
                if (unknown is not null)
                {
                    problems.Add(new(field, $"'{Shorten(unknown)}' is not one of the answers to choose from"));
                    return null;
                }

                if (values.Distinct(StringComparer.Ordinal).Count() != values.Count)
                {
                    problems.Add(new(field, "selects the same answer twice"));
                    return null;
                }

                values = [.. q.Choices.Select(c => c.Name).Where(values.Contains)];
                break;
            case QuestionKind.Number:
                if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    problems.Add(new(field, "enter a number, like 12 or 3.5"));
                    return null;
                }

                values = [number.ToString(CultureInfo.InvariantCulture)];
                break;
            case QuestionKind.Rating:
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var rating) || rating < q.RatingMin || rating > q.RatingMax)
                {
                    problems.Add(new(field, $"choose a whole number from {q.RatingMin} to {q.RatingMax}"));
                    return null;
                }

                break;
            case QuestionKind.FreeText:
                if (value.Length > MaxTextLength)
                {
                    problems.Add(new(field, $"is too long; use at most {MaxTextLength} characters"));
                    return null;
                }

                if (PersonalDetails.Find(value) is { } found)
                {
                    problems.Add(new(field, PersonalDetails.Problem(found)));
                    return null;
                }

                break;
        }

        if (!string.IsNullOrWhiteSpace(q.Constraint)
            && !ExpressionParser.Parse(q.Constraint, allowSelf: true).IsTrue(new WithOwn(accepted, q.Name, values), string.Join(' ', values)))
        {
            problems.Add(new(field, q.ConstraintMessage.Length > 0 ? q.ConstraintMessage : "does not meet the rule for this question"));
            return null;
        }

        return values;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    // A constraint sees the earlier answers and the question's own answer (as "." or ${q}).
    private sealed class WithOwn(AnswerSet earlier, string name, IReadOnlyList<string> values) : IAnswerLookup
    {
        public string Text(string question) => question == name ? string.Join(' ', values) : earlier.Text(question);

        public IReadOnlyList<string> Selections(string question) => question == name ? values : earlier.Selections(question);
    }
}
