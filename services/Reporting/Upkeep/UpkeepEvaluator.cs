using System.Globalization;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.Returns;
using Safeguarding.Reporting.Rendering.Text;

namespace Safeguarding.Reporting.Upkeep;

/// <summary>
/// Scores an organisation's upkeep in the manner of Clear Impact's scorecard upkeep: the share of the things expected
/// of it that are up to date, each counted once. Expected: each return due (a waived one is not), a recent figure for
/// each measure in use, a story behind the figures for each measure with a figure in the report's period, and a target
/// or forecast for each measure in use. A figure is recent unless a whole period after its period ended more than one
/// period ago with no figure (a monthly measure last recorded in January is stale at the end of March). A return is up
/// to date when it first arrived by its due date. The explanation says what counted and lists what was missing.
/// </summary>
internal sealed class UpkeepEvaluator(PeriodSpan window, DateOnly asOf)
{
    public OrganisationUpkeep Evaluate(UpkeepFacts facts)
    {
        var returns = facts.Returns.Select(Judge).OfType<ReturnUpkeep>().ToList();
        var missing = new List<string>();
        foreach (var r in returns)
        {
            if (r.Timeliness == ReturnTimeliness.Late)
            {
                missing.Add($"The return for {r.Period} ({r.Dataset}) arrived late: received {Wording.Date(r.ReceivedOn!.Value)}, due {Wording.Date(r.DueOn)}.");
            }
            else if (r.Timeliness == ReturnTimeliness.Missing)
            {
                missing.Add($"The return for {r.Period} ({r.Dataset}) has not arrived: it was due on {Wording.Date(r.DueOn)}.");
            }
        }

        var measures = facts.Measures.OrderBy(m => m.Title, StringComparer.Ordinal).ToList();
        var stale = measures.Where(IsStale).ToList();
        missing.AddRange(stale.Select(m => $"{m.Title}: no figure since {m.Latest.Label}."));
        var inPeriod = measures.Where(m => m.FigureInPeriod).ToList();
        missing.AddRange(inPeriod.Where(m => !m.HasStory).Select(m => $"{m.Title}: no story behind the figures for {window.Label}."));
        missing.AddRange(measures.Where(m => !m.HasTargetOrForecast).Select(m => $"{m.Title}: no target or forecast set."));

        var due = returns.Count(r => r.Timeliness != ReturnTimeliness.Waived);
        var onTime = returns.Count(r => r.Timeliness == ReturnTimeliness.OnTime);
        var current = measures.Count - stale.Count;
        var withStory = inPeriod.Count(m => m.HasStory);
        var withTarget = measures.Count(m => m.HasTargetOrForecast);
        var expected = due + measures.Count + inPeriod.Count + measures.Count;
        var upToDate = onTime + current + withStory + withTarget;
        int? score = expected == 0 ? null : (int)Math.Floor(100m * upToDate / expected);

        var explanation = expected == 0
            ? $"Nothing was expected of {facts.Name} yet: no return was due and no measure is in use."
            : $"{score}% up to date: {upToDate} of the {expected} things expected of {facts.Name} were up to date on {Wording.Date(asOf)}. "
                + $"Returns: {onTime} of {due} arrived by their due date. "
                + $"Figures: {current} of {Counted(measures.Count, "measure")} in use have a recent figure. "
                + $"Stories: {withStory} of {Counted(inPeriod.Count, "measure")} with a figure in {window.Label} have a story behind the figures. "
                + $"Targets: {withTarget} of {Counted(measures.Count, "measure")} in use have a target or forecast set.";
        return new OrganisationUpkeep(facts.Code, facts.Name, returns, measures.Count, current, inPeriod.Count, withStory, withTarget, expected, upToDate, score, explanation, missing);
    }

    /// <summary>No figure for a period that ended more than one period before the report's period ended.</summary>
    public bool IsStale(MeasureFact measure) =>
        measure.Latest.Start.AddMonths(3 * measure.Latest.Months) <= window.End.AddDays(1);

    private ReturnUpkeep? Judge(ReturnFact fact)
    {
        var period = HeldBackReturn.PeriodWords(fact.Period);
        if (fact.Row?.State == ReturnState.Waived)
        {
            return new ReturnUpkeep(fact.Dataset, period, fact.DueOn, ReturnTimeliness.Waived, null);
        }

        if (fact.Row?.FirstSubmittedAt is { } at)
        {
            var received = DateOnly.FromDateTime(at);
            var late = fact.Row.FirstLate ?? received > fact.DueOn;
            return new ReturnUpkeep(fact.Dataset, period, fact.DueOn, late ? ReturnTimeliness.Late : ReturnTimeliness.OnTime, received);
        }

        // Not arrived: missing once its due date has passed; not yet expected before.
        return asOf > fact.DueOn ? new ReturnUpkeep(fact.Dataset, period, fact.DueOn, ReturnTimeliness.Missing, null) : null;
    }

    private static string Counted(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");
}
