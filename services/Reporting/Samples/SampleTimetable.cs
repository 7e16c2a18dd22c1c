using System.Globalization;
using Safeguarding.Reporting.Annotations;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Planning;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Samples;

/// <summary>
/// A fictional partnership's QA timetable, judged by the seed's rules: some of it done (linked to an audit programme and
/// a survey wave), some planned, one activity overdue and some minimums not covered, so every state of the section shows.
/// </summary>
public static class SampleTimetable
{
    public static Coverage For(DateOnly periodStart, DateOnly asOf)
    {
        var year = QaYears.Of(periodStart);
        PlannedActivity[] activities =
        [
            new("sample-1", QaActivityKind.DeepDive, "neglect", "Neglect: multi-agency deep dive", year - 1, 3, new DateOnly(year - 1, 11, 20), QaEvidenceKind.AuditProgramme, "sample-audit-programme"),
            new("sample-2", QaActivityKind.AnnualStaffSurvey, "", "", year - 1, 2, new DateOnly(year - 1, 9, 30), QaEvidenceKind.SurveyWave, "sample-survey-wave"),
            new("sample-3", QaActivityKind.TurningTheCurve, "neglect", "", year, 1, null),
            new("sample-4", QaActivityKind.DeepDive, "neglect", "", year, 0, null),
            new("sample-5", QaActivityKind.DeepDive, "exploitation", "Exploitation deep dive", year + 1, 2, null),
            new("sample-6", QaActivityKind.ExternalPeerReview, "", "", year + 1, 0, null),
            new("sample-7", QaActivityKind.SelfReflection, "", "", year, 4, null),
        ];
        CoverageArea[] areas = [new("neglect", "Neglect", true), new("exploitation", "Child sexual abuse and exploitation", true)];
        return new CoverageEvaluator(TimetableRule.Defaults).Evaluate(activities, areas, year - 1, asOf);
    }

    /// <summary>The measure with two annotations on its trend (the points' labels are "Mon yyyy").</summary>
    public static MeasureEvidence WithEvents(MeasureEvidence measure)
    {
        var points = measure.Trend.Points;
        ChartEvent On(SeriesPoint point, int day, string text) =>
            new(DateOnly.ParseExact(point.Label, "MMM yyyy", CultureInfo.InvariantCulture).AddDays(day - 1), text, point.Label);
        return new MeasureEvidence(
            measure.Trend with { Events = [On(points[points.Count / 3], 6, "MASH launched"), On(points[^3], 15, "New threshold document")] },
            measure.YearOnYear);
    }
}
