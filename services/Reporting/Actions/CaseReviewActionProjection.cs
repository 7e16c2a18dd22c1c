using System.Globalization;
using CloudNative.CloudEvents;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Safeguarding.CaseReviews.Events.V1;
using Safeguarding.Platform.Events;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Actions;

/// <summary>
/// Case review actions into the register from the case reviews service's ActionUpdated, so nobody enters them twice
/// (ADR 0019). The event carries codes and dates only: the action's text stays in the case reviews service and the
/// register describes it by its review. Agreed on the day of its first event; a stale event (older than what is
/// stored) changes nothing, so a rebuild or a redelivery gives the same row.
/// </summary>
internal sealed class CaseReviewActionProjection : IReadModelProjection
{
    private const string ProjectionUser = "casereviews";

    public IReadOnlyCollection<string> EventTypes { get; } = [ActionUpdated.Descriptor.FullName];

    public IMessage Read(CloudEvent cloudEvent) => ProtoCloudEvents.ReadData<ActionUpdated>(cloudEvent);

    public async Task ApplyAsync(ReportingDbContext db, IReadOnlyList<ProjectedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var projected in events)
        {
            var update = (ActionUpdated)projected.Message;
            if (update is not { ReviewId.Length: > 0, ActionId.Length: > 0, OwnerCode.Length: > 0 } || !TryDate(update.DueOn, out var due))
            {
                throw new PermanentEventFailureException("The action update carries no review, action, owner or due date.");
            }

            var at = update.UpdatedAt?.ToDateTime() ?? projected.Time ?? DateTime.UnixEpoch;
            var reference = update.ReviewId + "/" + update.ActionId;
            var row = db.RegisterActions.Local.FirstOrDefault(a => a.Source == (int)RegisterActionSource.CaseReview && a.SourceReference == reference)
                ?? await db.RegisterActions.FirstOrDefaultAsync(a => a.Source == (int)RegisterActionSource.CaseReview && a.SourceReference == reference, cancellationToken);
            if (row is null)
            {
                row = new ActionRow
                {
                    Id = Guid.CreateVersion7(new DateTimeOffset(at, TimeSpan.Zero)).ToString(),
                    Source = (int)RegisterActionSource.CaseReview,
                    SourceReference = reference,
                    AgreedOn = DateOnly.FromDateTime(at),
                    CreatedAt = at,
                    CreatedBy = ProjectionUser,
                };
                db.RegisterActions.Add(row);
            }
            else if (at < row.UpdatedAt)
            {
                continue;
            }

            var status = Status(update.Status);
            row.OrganisationCode = update.OwnerOrganisationCode.Length > 0 ? update.OwnerOrganisationCode : update.OwnerCode;
            row.PartnershipCode = update.OwnerCode;
            row.Description = "Action " + update.ActionId + " from case review " + update.ReviewId;
            row.DueOn = due;
            row.Status = (int)status;
            row.CompletedOn = status == RegisterActionStatus.Completed && TryDate(update.CompletedOn, out var completed) ? completed : null;
            row.EvidenceOfCompletion = update.Status == "evidenced" ? "Evidenced to the case review's panel." : "";
            row.MeasureId = update.LinkedMeasureId;
            row.Etag = Guid.NewGuid().ToString("N");
            row.UpdatedAt = at;
            row.UpdatedBy = ProjectionUser;
        }
    }

    // The case reviews service's statuses: not-started, in-progress, completed, evidenced, dropped.
    private static RegisterActionStatus Status(string status) => status switch
    {
        "in-progress" => RegisterActionStatus.InProgress,
        "completed" or "evidenced" => RegisterActionStatus.Completed,
        "dropped" => RegisterActionStatus.Dropped,
        _ => RegisterActionStatus.NotStarted,
    };

    private static bool TryDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
