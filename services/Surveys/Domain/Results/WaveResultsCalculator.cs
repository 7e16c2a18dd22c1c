using Safeguarding.Surveys.Domain.Responses;

namespace Safeguarding.Surveys.Domain.Results;

public sealed record ProportionResult(bool Suppressed, string Reason, int Numerator, int Denominator, double Value, double Lower, double Upper)
{
    public static ProportionResult Of(int numerator, int denominator, int minimum, bool controlled)
    {
        if (controlled && denominator < minimum)
        {
            return new(true, $"fewer than {minimum} answers", 0, 0, 0, 0, 0);
        }

        var (lower, upper) = Wilson.Interval(numerator, denominator);
        return new(false, string.Empty, numerator, denominator, denominator == 0 ? 0 : (double)numerator / denominator, lower, upper);
    }
}

public sealed record ChoiceCountResult(string Choice, string Label, bool Suppressed, int Count);

public sealed record QuestionResultView(
    string Question, string Label, string MeasureId, ProportionResult? Positive, bool AnsweredSuppressed, int Answered, IReadOnlyList<ChoiceCountResult> Choices);

public sealed record WaveResultsView(ProportionResult ResponseRate, IReadOnlyList<QuestionResultView> Questions, bool DisclosureControlled);

/// <summary>
/// A wave's results from its stored answers. Inside the organisation every count is shown; outside it
/// (<c>controlled</c>) a figure over fewer than the wave's minimum answers is suppressed, and in a choice
/// distribution every cell below the minimum is, with the next smallest too when only one would be (so it cannot
/// be recovered from the total: secondary suppression, DESIGN §4).
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
            ProportionResult? positive = null;
            if (q.MeasureId.Length > 0)
            {
                var count = answered.Count(r => r[q.Name].Any(q.PositiveChoices.Contains));
                positive = ProportionResult.Of(count, answered.Count, minimum, controlled);
            }

            var options = q.Kind == QuestionKind.Rating
                ? Enumerable.Range(q.RatingMin, q.RatingMax - q.RatingMin + 1).Select(n => new ChoiceDefinition(n.ToString(System.Globalization.CultureInfo.InvariantCulture), n.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList()
                : q.Choices.ToList();
            var counts = options.Select(c => answered.Count(r => r[q.Name].Contains(c.Name))).ToArray();
            var suppressed = controlled ? Suppress(counts, minimum) : new bool[counts.Length];
            var answeredSuppressed = controlled && answered.Count < minimum;
            questions.Add(new QuestionResultView(
                q.Name, q.Label, q.MeasureId, positive, answeredSuppressed, answeredSuppressed ? 0 : answered.Count,
                [.. options.Select((c, i) => new ChoiceCountResult(c.Name, c.Label, suppressed[i] || answeredSuppressed, suppressed[i] || answeredSuppressed ? 0 : counts[i]))]));
        }

        return new WaveResultsView(rate, questions, controlled);
    }

    /// <summary>Primary suppression of cells 1..minimum-1 (zero is shown: it discloses no one), then secondary.</summary>
    public static bool[] Suppress(IReadOnlyList<int> counts, int minimum)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var suppressed = counts.Select(c => c > 0 && c < minimum).ToArray();
        if (suppressed.Count(s => s) == 1)
        {
            var next = Enumerable.Range(0, counts.Count).Where(i => !suppressed[i] && counts[i] > 0).OrderBy(i => counts[i]).Cast<int?>().FirstOrDefault();
            if (next is { } i)
            {
                suppressed[i] = true;
            }
        }

        return suppressed;
    }
}
