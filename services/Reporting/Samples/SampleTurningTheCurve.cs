using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.Samples;

/// <summary>A Turning the Curve sheet for the sample book, on its first measure (with its targets and forecast), so the sample shows the sheet.</summary>
internal static class SampleTurningTheCurve
{
    public static TurningTheCurveSheet For(MeasureEvidence measure, DateOnly heldOn) => new()
    {
        RecordId = "sample-turning-the-curve",
        Title = "Clearer plans for children",
        MeasureId = measure.Measure.Id,
        MeasureTitle = measure.Measure.Title,
        HeldOn = heldOn,
        Baseline = SampleTargets.WithTargets(measure).Trend,
        Story = "Plans are written for the conference rather than with the family, and too many say what services will do instead of what should change for the child.",
        Forces =
        [
            new(Helping: true, "A plan template agreed by every agency."),
            new(Helping: false, "High caseloads leave little time to write plans with families."),
        ],
        Partners =
        [
            new("Northbridge Police", "bring the family's account to every conference."),
            new("Independent reviewing officers", "challenge plans that do not say what should change."),
        ],
        WhatWorks =
        [
            new("Evidence-based", "Outcome-focused planning written with the family.", "Research in practice, 2023"),
            new("Low-cost or no-cost", "Read the plan aloud with the family at the first core group.", ""),
        ],
        Actions =
        [
            new ReportAction("Put the family's own words at the top of every plan.", "Northbridge Children's Services", heldOn.AddMonths(6), ActionStatus.InProgress, measure.Measure.Id,
                "Turning the Curve", Movement: "Too early to tell: the action is not completed yet.", MeasureTitle: measure.Measure.Title),
            new ReportAction("Check every new plan at the first core group.", "Northbridge Children's Services", heldOn.AddMonths(3), ActionStatus.Completed, measure.Measure.Id,
                "Turning the Curve", Movement: "Too early to tell: 1 month of figures since it was completed.", EvidenceOfImpact: "Core group minutes show the check was done.", MeasureTitle: measure.Measure.Title),
        ],
        Completes = "The QA timetable's Turning the Curve exercise planned for Q3 2024/25 (Clearer plans), done on " + Rendering.Text.Wording.Date(heldOn) + ".",
    };
}
