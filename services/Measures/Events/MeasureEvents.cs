using Safeguarding.Measures.Application;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.Grpc.Mapping;
using Safeguarding.Platform.Events;
using Microsoft.EntityFrameworkCore;

namespace Safeguarding.Measures.Events;

/// <summary>Writes measure events into the outbox of the caller's unit of work (published after it commits).</summary>
public sealed class MeasureEvents(IEventOutbox outbox)
{
    public void Changed(DbContext db, MeasureView view, MeasureChange change, string? reason)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(change);
        var measure = MeasureMapping.ToProto(view);
        var subject = view.OwnerOrganisation;
        switch (change.Kind)
        {
            case MeasureChangeKind.Defined:
                outbox.Add(db, MeasuresTopics.MeasureDefined, new MeasureDefined { Measure = measure }, subject);
                break;
            case MeasureChangeKind.NewVersion:
                var versioned = new MeasureVersioned { Measure = measure, PreviousVersion = change.Current.Version - 1, Reason = reason ?? string.Empty };
                versioned.ChangedFields.AddRange(change.ChangedFields);
                outbox.Add(db, MeasuresTopics.MeasureVersioned, versioned, subject);
                break;
            case MeasureChangeKind.Revised:
                var revised = new MeasureRevised { Measure = measure };
                revised.ChangedFields.AddRange(change.ChangedFields);
                outbox.Add(db, MeasuresTopics.MeasureRevised, revised, subject);
                break;
        }
    }

    public void Retired(DbContext db, MeasureView view) =>
        outbox.Add(db, MeasuresTopics.MeasureRetired, new MeasureRetired
        {
            MeasureId = view.Current.MeasureId,
            Version = view.Current.Version,
            Reason = view.RetiredReason ?? string.Empty,
            RetiredAt = Timestamps.From(view.RetiredAt ?? DateTime.UtcNow),
        }, view.OwnerOrganisation);
}
