using Safeguarding.CaseReviews.Events.V1;
using Safeguarding.Platform.Events;

namespace Safeguarding.CaseReviews.Events;

/// <summary>The topics the case reviews service publishes (protos/safeguarding/casereviews/events/v1).</summary>
public static class CaseReviewsTopics
{
    public const string CaseReviewStatusChangedName = "casereviews.case-review-status-changed.v1";
    public const string ActionUpdatedName = "casereviews.action-updated.v1";

    public static readonly EventTopic<CaseReviewStatusChanged> CaseReviewStatusChanged = new(CaseReviewStatusChangedName);
    public static readonly EventTopic<ActionUpdated> ActionUpdated = new(ActionUpdatedName);
}
