using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Planning;

/// <summary>Validates a timetable activity at the edge; every problem names its field (e.g. "activity.planned_quarter").</summary>
internal static class ActivityRules
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxTitleLength = 200;

    /// <returns>The day it was done, if it was.</returns>
    public static DateOnly? Validate(QaActivity? activity, string prefix = "activity")
    {
        if (activity is null)
        {
            throw RpcErrors.InvalidArgument(prefix, "is required");
        }

        var problems = new List<FieldProblem>();
        TextRules.Code(problems, prefix + ".organisation_code", activity.OrganisationCode);
        TextRules.Code(problems, prefix + ".content_area_id", activity.ContentAreaId, required: false);
        TextRules.Text(problems, prefix + ".title", activity.Title, MaxTitleLength, required: false);
        if (activity.Kind == QaActivityKind.Unspecified || !Enum.IsDefined(activity.Kind))
        {
            problems.Add(new FieldProblem(prefix + ".kind", "must be a kind of QA activity (deep dive, Turning the Curve, peer review, ...)"));
        }

        if (activity.PlannedYear is < MinYear or > MaxYear)
        {
            problems.Add(new FieldProblem(prefix + ".planned_year", "must be the financial year it starts in, 2000 to 2100 (2025 is 2025/26)"));
        }

        if (activity.PlannedQuarter is < 0 or > 4)
        {
            problems.Add(new FieldProblem(prefix + ".planned_quarter", "must be a financial quarter 1 to 4, or 0 for any time in the year"));
        }

        var doneOn = TextRules.Date(problems, prefix + ".done_on", activity.DoneOn, required: false);
        if (activity.DoneBy is { } link && (link.Kind != QaEvidenceKind.Unspecified || link.Id.Length > 0))
        {
            if (doneOn is null)
            {
                problems.Add(new FieldProblem(prefix + ".done_by", "only an activity that was done (done_on) names what did it"));
            }

            if (link.Kind == QaEvidenceKind.Unspecified || !Enum.IsDefined(link.Kind))
            {
                problems.Add(new FieldProblem(prefix + ".done_by.kind", "must be an audit programme, a survey wave or a report"));
            }

            TextRules.Code(problems, prefix + ".done_by.id", link.Id);
        }

        return problems.Count > 0 ? throw RpcErrors.InvalidArgument(problems) : doneOn;
    }
}
