using Safeguarding.CaseReviews.V1;
using Safeguarding.Reporting.Documents;

namespace Safeguarding.Reporting.CaseReviews;

/// <summary>The case reviews service's dashboard in the words a board reads.</summary>
internal static class ReviewDashboardMapping
{
    public static ReviewDashboard ToDocument(Dashboard dashboard, DateOnly asOf, Func<string, string> organisationName) => new()
    {
        Available = true,
        AsOf = asOf,
        OpenReviews =
        [
            .. dashboard.OpenReviews.Select(r => new OpenCaseReview(
                r.Title,
                KindName(r.Kind),
                StageName(r.Stage),
                [.. r.OpenClocks.Select(c => new ReviewClock(ClockName(c.Clock_), DateOnly.ParseExact(c.DueOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StateName(c.State), c.WorkingDaysRemaining))])),
        ],
        OpenByStage = [.. dashboard.OpenByStage.Select(s => new ReviewStageCount(StageName(s.Stage), s.Reviews))],
        Actions = [.. dashboard.ActionsByOrganisation.Select(a => new OrganisationReviewActions(a.OrganisationCode, organisationName(a.OrganisationCode), a.OpenActions, a.OverdueActions))],
        Themes = [.. dashboard.Themes.Select(t => new RecurringTheme(t.Title, t.Reviews, t.Findings))],
    };

    public static string StageName(ReviewStage stage) => stage switch
    {
        ReviewStage.RapidReview => "Rapid review",
        ReviewStage.AwaitingPracticeReview => "Awaiting practice review",
        ReviewStage.PracticeReview => "Practice review",
        ReviewStage.Published => "Published",
        ReviewStage.Closed => "Closed",
        ReviewStage.ReferredNational => "Referred to the national Panel",
        ReviewStage.InProgress => "In progress",
        _ => "Not known",
    };

    public static string KindName(ReviewKind kind) => kind switch
    {
        ReviewKind.SeriousIncident => "Serious incident",
        ReviewKind.LocalLearningReview => "Local learning review",
        ReviewKind.NearMiss => "Near miss",
        ReviewKind.GoodPractice => "Good practice",
        _ => "Not known",
    };

    public static string StateName(ClockState state) => state switch
    {
        ClockState.OnTime => "On time",
        ClockState.DueSoon => "Due soon",
        ClockState.Overdue => "Overdue",
        ClockState.Met => "Met",
        ClockState.MetLate => "Met late",
        ClockState.Paused => "Paused",
        _ => "Not known",
    };

    public static string ClockName(string clock) => clock switch
    {
        "panel-notification" => "Notification to the Panel",
        "rapid-review" => "Rapid review",
        "practice-review-publication" => "Practice review publication",
        _ => clock,
    };
}
