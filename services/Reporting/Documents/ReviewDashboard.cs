namespace Safeguarding.Reporting.Documents;

/// <summary>
/// The case reviews dashboard in a partnership's quarterly report, as the case reviews service gave it when the
/// report was drafted: open reviews by stage with their statutory clocks, open and overdue actions by owner
/// organisation, and the learning themes that recur across the partnership's reviews. Pseudonymous titles, codes,
/// dates and counts only. <see cref="Available"/> is false when the service could not be asked (the section says so).
/// </summary>
public sealed record ReviewDashboard
{
    public required bool Available { get; init; }

    /// <summary>The day the clocks were evaluated on (the day the report was drafted).</summary>
    public required DateOnly AsOf { get; init; }

    public IReadOnlyList<OpenCaseReview> OpenReviews { get; init; } = [];

    public IReadOnlyList<ReviewStageCount> OpenByStage { get; init; } = [];

    public IReadOnlyList<OrganisationReviewActions> Actions { get; init; } = [];

    public IReadOnlyList<RecurringTheme> Themes { get; init; } = [];

    /// <summary>A dashboard that could not be fetched.</summary>
    public static ReviewDashboard Unavailable(DateOnly asOf) => new() { Available = false, AsOf = asOf };
}

/// <summary>An open review: its pseudonymous title, what kind it is, where it has got to, and its running clocks.</summary>
public sealed record OpenCaseReview(string Title, string Kind, string Stage, IReadOnlyList<ReviewClock> Clocks);

/// <summary>A statutory clock still running, in words ("Rapid review", "Overdue").</summary>
public sealed record ReviewClock(string Clock, DateOnly DueOn, string State, int WorkingDaysRemaining);

public sealed record ReviewStageCount(string Stage, int Reviews);

/// <summary>Actions from reviews that one organisation owns and has not finished.</summary>
public sealed record OrganisationReviewActions(string OrganisationCode, string OrganisationName, int Open, int Overdue);

/// <summary>A learning theme and how many of the partnership's reviews (and findings) it was found in.</summary>
public sealed record RecurringTheme(string Title, int Reviews, int Findings);
