using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Safeguarding.CaseReviews.Domain;
using Safeguarding.CaseReviews.Domain.Reviews;
using Safeguarding.CaseReviews.Events.V1;
using Safeguarding.CaseReviews.V1;
using CaseReview = Safeguarding.CaseReviews.Domain.Reviews.CaseReview;
using Clock = Safeguarding.CaseReviews.Domain.Clocks.Clock;
using Safeguarding.Platform.Events;

namespace Safeguarding.CaseReviews.Events;

/// <summary>Writes the service's events into the outbox of the command's unit of work; the subject is the owning partnership.</summary>
public sealed class ReviewEvents(IEventOutbox outbox)
{
    public void StatusChanged(DbContext db, CaseReview review, ReviewStage previous, DateOnly on, DateTimeOffset at) =>
        outbox.Add(db, CaseReviewsTopics.CaseReviewStatusChanged, new CaseReviewStatusChanged
        {
            ReviewId = review.ReviewId,
            OwnerCode = review.OwnerCode,
            Kind = WireNames.Of(review.Kind),
            Stage = WireNames.Of(review.Stage),
            PreviousStage = previous == ReviewStage.Unspecified ? "" : WireNames.Of(previous),
            Decision = review.Decision is { } d ? WireNames.Of(d.Decision) : "",
            ChangedOn = on.Iso(),
            ChangedAt = Timestamp.FromDateTimeOffset(at),
        }, review.OwnerCode);

    public void ActionUpdated(DbContext db, CaseReview review, ActionEntry action, DateOnly today) =>
        outbox.Add(db, CaseReviewsTopics.ActionUpdated, new ActionUpdated
        {
            ReviewId = review.ReviewId,
            ActionId = action.ActionId,
            OwnerCode = review.OwnerCode,
            OwnerOrganisationCode = action.OwnerOrganisationCode,
            Status = WireNames.Of(action.Status),
            DueOn = action.DueOn.Iso(),
            CompletedOn = action.CompletedOn.Iso(),
            LinkedMeasureId = action.LinkedMeasureId ?? "",
            ReauditOn = action.ReauditOn.Iso(),
            Overdue = action.IsOverdue(today),
            UpdatedAt = Timestamp.FromDateTimeOffset(action.UpdatedAt),
        }, review.OwnerCode);
}

/// <summary>Enum values as events and logs name them: "SeriousIncident" → "serious-incident".</summary>
public static class WireNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, System.Enum
    {
        var name = value.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
