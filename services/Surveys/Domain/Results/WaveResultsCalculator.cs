using Safeguarding.Surveys.Domain.Responses;

namespace Safeguarding.Surveys.Domain.Results;

public sealed record ProportionResult(bool Suppressed, string Reason, int Numerator, int Denominator, double Value, double Lower, double Upper)
{
    public static ProportionResult Of(int numerator, int denominator, int minimum, bool controlled)
    {
        if (controlled && denominator < minimum)
        {
            return Withheld($"fewer than {minimum} answers");
        }

        var (lower, upper) = Wilson.Interval(numerator, denominator);
        return new(false, string.Empty, numerator, denominator, denominator == 0 ? 0 : (double)numerator / denominator, lower, upper);
    }

    public static ProportionResult Withheld(string reason) => new(true, reason, 0, 0, 0, 0, 0);
}

public sealed record ChoiceCountResult(string Choice, string Label, bool Suppressed, int Count);

public sealed record QuestionResultView(
    string Question, string Label, string MeasureId, ProportionResult? Positive, bool AnsweredSuppressed, int Answered, IReadOnlyList<ChoiceCountResult> Choices,
    bool MultipleChoice = false);

public sealed record WaveResultsView(ProportionResult ResponseRate, IReadOnlyList<QuestionResultView> Questions, bool DisclosureControlled);

/// <summary>
/// A wave's results from its stored answers. Inside the organisation every count is shown; outside it
/// (<c>controlled</c>) a figure over fewer than the wave's minimum answers is suppressed, and a choice
/// distribution goes through the platform's disclosure control (<see cref="ChoiceDisclosure"/>, DESIGN §4).
/// </summary>
public static class WaveResultsCalculator
{
    public static WaveResultsView Calculate(
        QuestionnaireDefinition questionnaire, IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<string>>> responses,
        int invitations, int minimum, bool controlled)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(responses);
        var rate = ProportionResult.Of(responses.Count, Math.Max(invitations, responses.Count), minimum, controlled);
        var questions = new List<QuestionResultView>();
        foreach (var q in questionnaire.Questions.Where(q => q.HasChoices || q.Kind == QuestionKind.Rating))
        {
            var answered = responses.Where(r => r.ContainsKey(q.Name)).ToList();
            var options = q.Kind == QuestionKind.Rating
                ? Enumerable.Range(q.RatingMin, q.RatingMax - q.RatingMin + 1).Select(n => new ChoiceDefinition(n.ToString(System.Globalization.CultureInfo.InvariantCulture), n.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList()
                : q.Choices.ToList();
            var counts = options.Select(c => answered.Count(r => r[q.Name].Contains(c.Name))).ToArray();
            ProportionResult? positive = null;
            if (q.MeasureId.Length > 0)
            {
                var count = answered.Count(r => r[q.Name].Any(q.PositiveChoices.Contains));
                positive = ProportionResult.Of(count, answered.Count, minimum, controlled);
            }

            var answeredSuppressed = controlled && answered.Count < minimum;
            var withheld = new bool[counts.Length];
            if (controlled && !answeredSuppressed)
            {
                var positiveChoices = options.Select((c, i) => (c, i)).Where(x => q.PositiveChoices.Contains(x.c.Name)).Select(x => x.i).ToList();
                var protection = ChoiceDisclosure.Protect(
                    counts, minimum, answered.Count, q.Kind != QuestionKind.MultipleChoice, positiveChoices, positive is { Suppressed: false } ? positive.Numerator : null);
                withheld = [.. protection.ChoiceWithheld];
                if (protection.PositiveWithheld)
                {
                    positive = ProportionResult.Withheld("withheld so that a small count cannot be worked out");
                }
            }

            questions.Add(new QuestionResultView(
                q.Name, q.Label, q.MeasureId, positive, answeredSuppressed, answeredSuppressed ? 0 : answered.Count,
                [.. options.Select((c, i) => new ChoiceCountResult(c.Name, c.Label, withheld[i] || answeredSuppressed, withheld[i] || answeredSuppressed ? 0 : counts[i]))],
                q.Kind == QuestionKind.MultipleChoice));
        }

        return new WaveResultsView(rate, questions, controlled);
    }
}
