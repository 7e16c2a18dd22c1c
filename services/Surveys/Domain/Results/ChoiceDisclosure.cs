using Safeguarding.Platform.Disclosure;

namespace Safeguarding.Surveys.Domain.Results;

/// <summary>
/// Which cells of one question's results to withhold outside the organisation, by the platform's disclosure control
/// (ADR 0006) rather than a rule of our own: a choice count below the wave's minimum is withheld, and so is whatever
/// would let someone work it out from the question's answered total, the other choices or the published positive
/// count (e.g. two small hidden choices whose sum the total gives away). A zero is shown: no respondent is behind it.
/// </summary>
public static class ChoiceDisclosure
{
    /// <param name="counts">Respondents per choice.</param>
    /// <param name="minimum">The wave's minimum answers for a figure to be shown.</param>
    /// <param name="answered">Respondents who answered the question (shown beside the counts).</param>
    /// <param name="singleChoice">One choice per respondent, so the counts sum to <paramref name="answered"/>.</param>
    /// <param name="positiveChoices">Indices of the choices the positive figure counts (single choice only: otherwise it is no sum).</param>
    /// <param name="positive">The positive figure's numerator, when one is shown.</param>
    public static QuestionDisclosure Protect(
        IReadOnlyList<int> counts, int minimum, int answered, bool singleChoice, IReadOnlyList<int> positiveChoices, int? positive)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(positiveChoices);
        var threshold = Math.Max(1, minimum);
        var cells = counts
            .Select((c, i) => new TableCell("choice" + i, c, threshold, c == 0 ? CellStatus.Known : CellStatus.Free))
            .Append(new TableCell("answered", answered, threshold, CellStatus.Known))
            .ToList();
        var relations = new List<Relation>();
        var answeredCell = counts.Count;
        if (singleChoice && counts.Count > 0)
        {
            relations.Add(new Relation(answeredCell, [.. Enumerable.Range(0, counts.Count)]));
        }

        var positiveCell = -1;
        if (singleChoice && positive is { } p && positiveChoices.Count > 0)
        {
            // The positive count may itself be withheld to protect a choice, so it is free (any count may be shown).
            positiveCell = cells.Count;
            cells.Add(new TableCell("positive", p, 1, p == 0 ? CellStatus.Known : CellStatus.Free));
            relations.Add(new Relation(positiveCell, [.. positiveChoices.Distinct()]));
        }

        var result = DisclosureControl.Protect(new AdditiveTable(cells, relations));
        return new QuestionDisclosure(
            [.. Enumerable.Range(0, counts.Count).Select(i => !result.IsPublished(i))],
            positiveCell >= 0 && !result.IsPublished(positiveCell));
    }
}

/// <summary>Per choice whether it is withheld, and whether the positive figure must be withheld to protect one.</summary>
public sealed record QuestionDisclosure(IReadOnlyList<bool> ChoiceWithheld, bool PositiveWithheld);
