using CloudNative.CloudEvents;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Platform.Events;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.ReadModels;

namespace Safeguarding.Reporting.Returns;

/// <summary>
/// Returns from the measures service's return events: the state each (organisation, dataset, period) is in, and when it
/// first arrived. Each event carries its own time; an event older than the row's newest changes nothing, so redelivery,
/// reordering and a rebuild give the same row.
/// </summary>
internal sealed class ReturnProjection : IReadModelProjection
{
    public IReadOnlyCollection<string> EventTypes { get; } =
    [
        ReturnSubmitted.Descriptor.FullName, ReturnApproved.Descriptor.FullName, ReturnAccepted.Descriptor.FullName,
        ReturnReopened.Descriptor.FullName, ReturnWaived.Descriptor.FullName,
    ];

    public IMessage Read(CloudEvent cloudEvent) => cloudEvent.Type switch
    {
        var t when t == ReturnSubmitted.Descriptor.FullName => ProtoCloudEvents.ReadData<ReturnSubmitted>(cloudEvent),
        var t when t == ReturnApproved.Descriptor.FullName => ProtoCloudEvents.ReadData<ReturnApproved>(cloudEvent),
        var t when t == ReturnAccepted.Descriptor.FullName => ProtoCloudEvents.ReadData<ReturnAccepted>(cloudEvent),
        var t when t == ReturnReopened.Descriptor.FullName => ProtoCloudEvents.ReadData<ReturnReopened>(cloudEvent),
        _ => ProtoCloudEvents.ReadData<ReturnWaived>(cloudEvent),
    };

    public async Task ApplyAsync(ReportingDbContext db, IReadOnlyList<ProjectedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var projected in events)
        {
            var (reference, state, at) = projected.Message switch
            {
                ReturnSubmitted e => (e.Return, ReturnState.Submitted, e.SubmittedAt),
                ReturnApproved e => (e.Return, ReturnState.Approved, e.ApprovedAt),
                ReturnAccepted e => (e.Return, ReturnState.Accepted, e.AcceptedAt),
                ReturnReopened e => (e.Return, ToState(e.ToState), e.ReopenedAt),
                ReturnWaived e => (e.Return, ReturnState.Waived, e.WaivedAt),
                _ => throw new PermanentEventFailureException("Not a return event."),
            };
            var row = await RowAsync(db, reference, cancellationToken);
            var time = Time(at, projected.Time);
            // When it first arrived is history, whatever order the topics deliver in (a reopening may come first).
            if (projected.Message is ReturnSubmitted submitted && (row.FirstSubmittedAt is null || time < row.FirstSubmittedAt))
            {
                row.FirstSubmittedAt = time;
                row.FirstLate = submitted.Late;
                row.DueOn = DateOnly.TryParseExact(submitted.DueOn, "yyyy-MM-dd", out var due) ? due : null;
            }

            if (time < row.ChangedAt)
            {
                continue; // An older event arriving late: the state stays the newer one's.
            }

            row.State = state;
            row.ChangedAt = time;
        }
    }

    private static async Task<ReturnRow> RowAsync(ReportingDbContext db, ReturnRef? reference, CancellationToken cancellationToken)
    {
        if (reference is not { OrganisationCode.Length: > 0, DatasetId.Length: > 0 } || !PeriodSpan.TryParse(reference.PeriodCode, out var period))
        {
            throw new PermanentEventFailureException("The event names no return (organisation, dataset and period code).");
        }

        var row = await db.Returns.FindAsync([reference.OrganisationCode, reference.DatasetId, period.Code], cancellationToken);
        if (row is null)
        {
            row = new ReturnRow
            {
                OrganisationCode = reference.OrganisationCode, DatasetId = reference.DatasetId, PeriodCode = period.Code,
                PeriodStart = period.Start, PeriodMonths = period.Months, State = ReturnState.Open, ChangedAt = DateTime.MinValue,
            };
            db.Returns.Add(row);
        }

        return row;
    }

    private static ReturnState ToState(string wire) => wire switch
    {
        "open" => ReturnState.Open,
        "submitted" => ReturnState.Submitted,
        "approved" => ReturnState.Approved,
        "accepted" => ReturnState.Accepted,
        "waived" => ReturnState.Waived,
        _ => throw new PermanentEventFailureException("The reopening names no state it left the return in."),
    };

    private static DateTime Time(Timestamp? at, DateTime? envelope) =>
        at?.ToDateTime() ?? envelope ?? throw new PermanentEventFailureException("The event carries no time.");
}
