using Safeguarding.Audits.V1;

namespace Safeguarding.Audits.Domain;

/// <summary>A linked measure's figure from a set of audits: numerator over denominator.</summary>
public readonly record struct LinkedFigure(int Numerator, int Denominator);

/// <summary>
/// Turns a linked criterion's counted answers into a numerator and denominator: an answer in the denominator set
/// counts below the line, and also above it when it is in the numerator set (a subset). Anything else (not
/// applicable, unanswered) counts in neither.
/// </summary>
public static class MeasureLinkRule
{
    public static LinkedFigure Count(MeasureLink link, IEnumerable<string?> countedAnswers)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(countedAnswers);
        var numerator = 0;
        var denominator = 0;
        foreach (var answer in countedAnswers)
        {
            if (answer is null || !link.DenominatorAnswers.Contains(answer))
            {
                continue;
            }

            denominator++;
            if (link.NumeratorAnswers.Contains(answer))
            {
                numerator++;
            }
        }

        return new LinkedFigure(numerator, denominator);
    }

    /// <summary>The same figure from answers already counted by value (value, how many gave it).</summary>
    public static LinkedFigure CountTallied(MeasureLink link, IEnumerable<(string? Value, int Count)> countedValues)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(countedValues);
        var numerator = 0;
        var denominator = 0;
        foreach (var (value, count) in countedValues)
        {
            if (value is null || !link.DenominatorAnswers.Contains(value))
            {
                continue;
            }

            denominator += count;
            if (link.NumeratorAnswers.Contains(value))
            {
                numerator += count;
            }
        }

        return new LinkedFigure(numerator, denominator);
    }

    /// <summary>Checks a link on a criterion of <paramref name="type"/>; problems are named under <paramref name="field"/>.</summary>
    public static void Validate(MeasureLink link, ResponseType type, string field, Problems problems)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!Text.IsId(link.MeasureId) && !(link.MeasureId is { Length: > 0 and <= 128 } && link.MeasureId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')))
        {
            problems.Add($"{field}.measure_id", "must be a measure id");
        }

        if (link.MeasureVersion < 0)
        {
            problems.Add($"{field}.measure_version", "must be 0 (current) or a version number");
        }

        if (!Answers.IsCategorical(type))
        {
            problems.Add(field, "only graded and yes/partly/no criteria can feed a measure");
            return;
        }

        var codes = Answers.CodesFor(type);
        if (link.DenominatorAnswers.Count == 0)
        {
            problems.Add($"{field}.denominator_answers", "needs at least one answer code");
        }

        if (link.NumeratorAnswers.Count == 0)
        {
            problems.Add($"{field}.numerator_answers", "needs at least one answer code");
        }

        for (var i = 0; i < link.DenominatorAnswers.Count; i++)
        {
            if (!codes.Contains(link.DenominatorAnswers[i]))
            {
                problems.Add($"{field}.denominator_answers[{i}]", $"must be one of {string.Join(", ", codes)}");
            }
        }

        for (var i = 0; i < link.NumeratorAnswers.Count; i++)
        {
            if (!codes.Contains(link.NumeratorAnswers[i]))
            {
                problems.Add($"{field}.numerator_answers[{i}]", $"must be one of {string.Join(", ", codes)}");
            }
            else if (!link.DenominatorAnswers.Contains(link.NumeratorAnswers[i]))
            {
                problems.Add($"{field}.numerator_answers[{i}]", "must also be in denominator_answers (the numerator is part of the denominator)");
            }
        }
    }
}
