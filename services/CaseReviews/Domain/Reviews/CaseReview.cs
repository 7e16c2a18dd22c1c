using Safeguarding.CaseReviews.Domain.Clocks;
using AbuseCategory = Safeguarding.CaseReviews.V1.AbuseCategory;
using ActionStatus = Safeguarding.CaseReviews.V1.ActionStatus;
using AgeBand = Safeguarding.CaseReviews.V1.AgeBand;
using Decision = Safeguarding.CaseReviews.V1.Decision;
using HarmType = Safeguarding.CaseReviews.V1.HarmType;
using ReviewKind = Safeguarding.CaseReviews.V1.ReviewKind;
using ReviewStage = Safeguarding.CaseReviews.V1.ReviewStage;

namespace Safeguarding.CaseReviews.Domain.Reviews;

// The review is stored as one document (Persistence/ReviewRow): these shapes are what it holds. The enums are the
// contract's own, so the stored names and the wire agree without a second vocabulary.

public sealed record AgencySummaryEntry(string OrganisationCode, DateOnly SubmittedOn, string Summary);

public sealed record DecisionEntry(Decision Decision, DateOnly DecidedOn, string Reasons);

public sealed record ReviewerEntry(string Role, string OrganisationCode, bool Independent);

public sealed record ParallelProcessEntry(string Kind, string? Note);

public sealed record PracticeReviewEntry(DateOnly InitiatedOn, string Method, List<ReviewerEntry> Reviewers, string TermsOfReference, List<ParallelProcessEntry> ParallelProcesses);

public sealed record PublicationEntry(DateOnly PublishedOn, DateOnly? PanelToldOn);

public sealed record FindingEntry(string FindingId, string Text, List<string> ContentAreaIds, List<string> ThemeIds);

public sealed record RecommendationEntry(string RecommendationId, string Text, List<string> FindingIds);

public sealed record ActionEntry(
    string ActionId,
    string RecommendationId,
    string OwnerOrganisationCode,
    string Description,
    DateOnly DueOn,
    ActionStatus Status,
    string? Evidence,
    DateOnly? CompletedOn,
    string? LinkedMeasureId,
    DateOnly? ReauditOn,
    DateTimeOffset UpdatedAt)
{
    public bool IsOpen => Status is ActionStatus.NotStarted or ActionStatus.InProgress;

    public bool IsOverdue(DateOnly asOf) => IsOpen && asOf > DueOn;
}

/// <summary>A clock as stored: <see cref="Clock"/> rebuilt from it for every change and evaluation.</summary>
public sealed record ClockEntry(
    string Name,
    DateOnly StartedOn,
    string RuleSetId,
    List<ClockPause> Pauses,
    DateOnly? MetOn,
    Dictionary<string, DateOnly> MilestonesMet,
    List<ClockAuditEntry> Audit)
{
    public Clock ToClock() => new(Name, StartedOn, RuleSetId, Pauses, MetOn, MilestonesMet, Audit);

    public static ClockEntry From(Clock clock) =>
        new(clock.Name, clock.StartedOn, clock.RuleSetId, [.. clock.Pauses], clock.MetOn, clock.MilestonesMet.ToDictionary(), [.. clock.Audit]);
}

/// <summary>
/// A case review: a serious incident's rapid review, decision, practice review and publication, or a local learning
/// review, near miss or good-practice story; with its clocks, findings, recommendations and actions. It belongs to
/// <see cref="OwnerCode"/> (the partnership where the incident happened); a cross-border case's authority of
/// residence is a participant.
/// </summary>
public sealed class CaseReview
{
    public string ReviewId { get; set; } = "";

    public string OwnerCode { get; set; } = "";

    public string? ResidenceAuthorityCode { get; set; }

    public ReviewKind Kind { get; set; }

    public ReviewStage Stage { get; set; }

    public string Title { get; set; } = "";

    public string? ChildReference { get; set; }

    public AgeBand AgeBand { get; set; }

    public HarmType HarmType { get; set; }

    public List<AbuseCategory> AbuseCategories { get; set; } = [];

    public bool InCare { get; set; }

    public DateOnly? BecameAwareOn { get; set; }

    public DateOnly? NotifiedOn { get; set; }

    public DateOnly OpenedOn { get; set; }

    public List<AgencySummaryEntry> AgencySummaries { get; set; } = [];

    public DecisionEntry? Decision { get; set; }

    public PracticeReviewEntry? PracticeReview { get; set; }

    public PublicationEntry? Publication { get; set; }

    public List<ClockEntry> Clocks { get; set; } = [];

    public List<FindingEntry> Findings { get; set; } = [];

    public List<RecommendationEntry> Recommendations { get; set; } = [];

    public List<ActionEntry> Actions { get; set; } = [];

    public bool IsOpen => Stage is ReviewStage.RapidReview or ReviewStage.AwaitingPracticeReview or ReviewStage.PracticeReview or ReviewStage.InProgress;

    /// <summary>A participant may read the review: its owner, or a cross-border case's authority of residence.</summary>
    public bool MayBeReadBy(string organisationCode) =>
        string.Equals(OwnerCode, organisationCode, StringComparison.OrdinalIgnoreCase)
        || string.Equals(ResidenceAuthorityCode, organisationCode, StringComparison.OrdinalIgnoreCase);

    public ClockEntry? FindClock(string name) => Clocks.FirstOrDefault(c => c.Name == name);

    /// <summary>Applies <paramref name="change"/> to the named clock (rebuilt, changed, stored back) or fails naming <c>clock</c>.</summary>
    public void ChangeClock(string name, Action<Clock> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var index = Clocks.FindIndex(c => c.Name == name);
        if (index < 0)
        {
            throw ClockNames.All.Contains(name)
                ? new StateConflictException("clock", $"this review has no {name} clock (yet)")
                : new InvalidFieldException("clock", $"must be one of {string.Join(", ", ClockNames.All)}");
        }

        var clock = Clocks[index].ToClock();
        change(clock);
        Clocks[index] = ClockEntry.From(clock);
    }

    /// <summary>The next id of a per-review sequence ("f3", "r2", "a7").</summary>
    public static string NextId(string prefix, IEnumerable<string> existing) =>
        prefix + (existing.Select(id => int.TryParse(id.AsSpan(prefix.Length), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1);
}
