using Safeguarding.CaseReviews.V1;

namespace Safeguarding.Web.Pages.Reviews;

/// <summary>Statutory clocks and their states in words, and the tag that marks them.</summary>
public static class ClockWords
{
    public static string Name(string clock) => clock switch
    {
        "panel-notification" => "Notify the national panel",
        "rapid-review" => "Rapid review",
        "practice-review-publication" => "Publish the practice review",
        _ => clock.Replace('-', ' '),
    };

    public static string Milestone(string milestone) => char.ToUpperInvariant(milestone[0]) + milestone[1..].Replace('-', ' ');

    public static string State(Clock clock) => clock.State switch
    {
        ClockState.OnTime => $"On time: {clock.WorkingDaysRemaining} working days left",
        ClockState.DueSoon => $"Due soon: {clock.WorkingDaysRemaining} working days left",
        ClockState.Overdue => $"Overdue by {-clock.WorkingDaysRemaining} working days",
        ClockState.Met => "Met",
        ClockState.MetLate => "Met late",
        ClockState.Paused => "Paused",
        _ => "Not started",
    };

    public static string Tag(ClockState state) => state switch
    {
        ClockState.Overdue => "govuk-tag--red",
        ClockState.DueSoon => "govuk-tag--yellow",
        ClockState.Met => "govuk-tag--green",
        ClockState.MetLate => "govuk-tag--orange",
        ClockState.Paused => "govuk-tag--grey",
        _ => "govuk-tag--blue",
    };

    public static string Stage(ReviewStage stage) => stage switch
    {
        ReviewStage.RapidReview => "Rapid review",
        ReviewStage.AwaitingPracticeReview => "Awaiting practice review",
        ReviewStage.PracticeReview => "Practice review",
        ReviewStage.Published => "Published",
        ReviewStage.Closed => "Closed",
        ReviewStage.ReferredNational => "Referred to the national panel",
        ReviewStage.InProgress => "In progress",
        _ => "Unknown",
    };

    /// <summary>How urgent a review is, for the tracker's order: overdue first, then due soon, then the rest.</summary>
    public static int Urgency(CaseReview review) =>
        review.Clocks.Any(c => c.State == ClockState.Overdue) ? 0 : review.Clocks.Any(c => c.State == ClockState.DueSoon) ? 1 : 2;
}
