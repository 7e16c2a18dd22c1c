using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.Grpc.Mapping;
using Safeguarding.Platform.Events;

namespace Safeguarding.Measures.Events;

/// <summary>Writes return events into the outbox of the transition's unit of work. Subjects are the return's organisation.</summary>
public sealed class ReturnEvents(IEventOutbox outbox)
{
    public void Submitted(DbContext db, ReturnKey key, string by, DateTimeOffset at, DateOnly dueOn) =>
        outbox.Add(db, MeasuresTopics.ReturnSubmitted, new ReturnSubmitted
        {
            Return = Ref(key),
            SubmittedBy = by,
            SubmittedAt = Timestamps.From(at),
            DueOn = dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Late = DateOnly.FromDateTime(at.UtcDateTime) > dueOn,
        }, key.OrganisationCode);

    public void Approved(DbContext db, ReturnKey key, string by, string byOrganisation, DateTimeOffset at) =>
        outbox.Add(db, MeasuresTopics.ReturnApproved, new ReturnApproved { Return = Ref(key), ApprovedBy = by, ApprovedByOrganisation = byOrganisation, ApprovedAt = Timestamps.From(at) }, key.OrganisationCode);

    public void Accepted(DbContext db, ReturnKey key, string by, string byOrganisation, DateTimeOffset at) =>
        outbox.Add(db, MeasuresTopics.ReturnAccepted, new ReturnAccepted { Return = Ref(key), AcceptedBy = by, AcceptedByOrganisation = byOrganisation, AcceptedAt = Timestamps.From(at) }, key.OrganisationCode);

    public void Reopened(DbContext db, ReturnKey key, string by, DateTimeOffset at, string reason, ReturnState from, ReturnState to, string? causedBy) =>
        outbox.Add(db, MeasuresTopics.ReturnReopened, new ReturnReopened
        {
            Return = Ref(key),
            ReopenedBy = by,
            ReopenedAt = Timestamps.From(at),
            Reason = reason,
            FromState = WireNames.ToWire(from),
            ToState = WireNames.ToWire(to),
            CausedByOrganisation = causedBy ?? string.Empty,
        }, key.OrganisationCode);

    public void Waived(DbContext db, ReturnKey key, string by, string byOrganisation, DateTimeOffset at, string reason) =>
        outbox.Add(db, MeasuresTopics.ReturnWaived, new ReturnWaived { Return = Ref(key), WaivedBy = by, WaivedByOrganisation = byOrganisation, WaivedAt = Timestamps.From(at), Reason = reason }, key.OrganisationCode);

    private static ReturnRef Ref(ReturnKey key) => new()
    {
        OrganisationCode = key.OrganisationCode,
        DatasetId = key.DatasetId,
        PeriodCode = key.Period.Code,
        PeriodLabel = key.Period.Label,
    };
}
