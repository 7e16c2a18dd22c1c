using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Planning;

/// <summary>The timetable's vocabulary in the words of seed 003.</summary>
public static class QaWords
{
    public static string Kind(QaActivityKind kind) => kind switch
    {
        QaActivityKind.DeepDive => "deep dive",
        QaActivityKind.TurningTheCurve => "Turning the Curve exercise",
        QaActivityKind.InternalPeerReview => "internal peer review",
        QaActivityKind.ExternalPeerReview => "external peer review",
        QaActivityKind.Inspection => "inspection",
        QaActivityKind.SelfReflection => "self-reflection",
        QaActivityKind.AnnualStaffSurvey => "annual staff survey",
        QaActivityKind.ChildAndParentExercise => "annual child and parent exercise",
        QaActivityKind.AuditProgramme => "audit programme",
        QaActivityKind.SurveyWave => "survey wave",
        _ => "activity",
    };

    public static string State(CoverageState state) => state switch
    {
        CoverageState.Done => "done",
        CoverageState.Planned => "planned",
        CoverageState.Overdue => "overdue",
        _ => "not covered",
    };

    public static string Evidence(QaEvidenceKind kind) => kind switch
    {
        QaEvidenceKind.AuditProgramme => "audit programme",
        QaEvidenceKind.SurveyWave => "survey wave",
        QaEvidenceKind.Report => "report",
        QaEvidenceKind.TurningTheCurve => "Turning the Curve record",
        _ => "record",
    };

    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
