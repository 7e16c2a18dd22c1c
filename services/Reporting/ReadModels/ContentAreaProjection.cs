using CloudNative.CloudEvents;
using Google.Protobuf;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.V1;
using Safeguarding.Platform.Events;
using Safeguarding.Reporting.Persistence;

namespace Safeguarding.Reporting.ReadModels;

/// <summary>
/// An organisation's content areas, with why each matters, its "what good looks like" statements and its
/// scrutiny questions, as the latest ContentAreaChanged event (by the area's own update time) describes them.
/// </summary>
internal sealed class ContentAreaProjection : IReadModelProjection
{
    public IReadOnlyCollection<string> EventTypes { get; } = [ContentAreaChanged.Descriptor.FullName];

    public IMessage Read(CloudEvent cloudEvent) => ProtoCloudEvents.ReadData<ContentAreaChanged>(cloudEvent);

    public async Task ApplyAsync(ReportingDbContext db, IReadOnlyList<ProjectedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var projected in events)
        {
            var area = ((ContentAreaChanged)projected.Message).ContentArea;
            if (area is not { Id.Length: > 0, OrganisationCode.Length: > 0 })
            {
                throw new PermanentEventFailureException("The event carries no content area id and organisation.");
            }

            var row = await db.ContentAreas.FindAsync([area.OrganisationCode, area.Id], cancellationToken);
            var updatedAt = area.UpdatedAt?.ToDateTime();
            if (row is null)
            {
                row = new ContentAreaRow { OrganisationCode = area.OrganisationCode, ContentAreaId = area.Id };
                db.ContentAreas.Add(row);
            }
            else if (IsNotNewer(updatedAt, projected.EventId, row))
            {
                continue;
            }

            row.UpdatedAt = updatedAt;
            row.EventId = projected.EventId;
            row.Retired = area.Status == ContentAreaStatus.Retired;
            row.Body = JsonFormatter.Default.Format(area);
        }
    }

    // Later update time wins; the same instant is settled by the (time-ordered) event id.
    private static bool IsNotNewer(DateTime? updatedAt, string eventId, ContentAreaRow row)
    {
        var byTime = Nullable.Compare(updatedAt, row.UpdatedAt);
        return byTime < 0 || (byTime == 0 && string.CompareOrdinal(eventId, row.EventId) <= 0);
    }
}
