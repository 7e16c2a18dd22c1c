using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.Returns;
using Safeguarding.Reporting.Upkeep;

namespace Safeguarding.Reporting.Samples;

/// <summary>
/// A fictional partnership's upkeep, scored by the real rules: the partnership itself with one measure lacking a story,
/// one agency with a late return and a stale measure, one whose return has not arrived, and one with nothing missing,
/// so every state of the section shows.
/// </summary>
public static class SampleUpkeep
{
    private const string Dataset = "London common safeguarding dataset";

    /// <param name="quarter">The report's last quarter; the returns judged are the year's four quarters up to it.</param>
    public static UpkeepSection For(DateOnly quarterStart, DateOnly asOf)
    {
        var window = PeriodSpan.Of(quarterStart, 3);
        var quarters = Enumerable.Range(0, 4).Select(i => PeriodSpan.Of(quarterStart.AddMonths(-3 * (3 - i)), 3)).ToList();
        var evaluator = new UpkeepEvaluator(window, asOf);
        var latestMonth = PeriodSpan.Of(window.Start.AddMonths(2), 1);

        ReturnFact Return(string organisation, PeriodSpan quarter, int daysAfterDue) => new(Dataset, quarter, quarter.End.AddDays(28), new ReturnRow
        {
            OrganisationCode = organisation, DatasetId = "london-common", PeriodCode = quarter.Code, PeriodStart = quarter.Start, PeriodMonths = 3,
            State = ReturnState.Approved, FirstSubmittedAt = quarter.End.AddDays(28 + daysAfterDue).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), FirstLate = daysAfterDue > 0,
        });

        return new UpkeepSection(asOf,
        [
            evaluator.Evaluate(new UpkeepFacts("northbridge", "Northbridge Safeguarding Children Partnership", [],
            [
                new MeasureFact("Children who say they feel safer", latestMonth, true, true, true),
                new MeasureFact("Plans that say clearly what should change", latestMonth, true, false, true),
            ])),
            evaluator.Evaluate(new UpkeepFacts("northbridge-police", "Northbridge Police", [.. quarters.Select((q, i) => Return("northbridge-police", q, i == 2 ? 5 : -3))],
            [
                new MeasureFact("Domestic abuse incidents with children present", latestMonth, true, true, true),
                new MeasureFact("Missing episodes with a return interview", PeriodSpan.Of(window.Start.AddMonths(-4), 1), false, false, false),
            ])),
            evaluator.Evaluate(new UpkeepFacts("northbridge-health", "Northbridge Health", [.. quarters.Take(3).Select(q => Return("northbridge-health", q, -1)), new ReturnFact(Dataset, quarters[3], quarters[3].End.AddDays(28), null)],
            [
                new MeasureFact("Health assessments within 20 working days", latestMonth, true, true, true),
            ])),
            evaluator.Evaluate(new UpkeepFacts("northbridge-schools", "Northbridge Schools", [.. quarters.Select(q => Return("northbridge-schools", q, -10))],
            [
                new MeasureFact("Schools with a designated safeguarding lead trained this year", latestMonth, true, true, true),
            ])),
        ])
        {
            HeldBack = ["Northbridge Health's return for " + HeldBackReturn.PeriodWords(window) + " is not yet submitted: its figures are not included."],
        };
    }
}
