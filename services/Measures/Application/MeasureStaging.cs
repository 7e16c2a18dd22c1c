using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Events;
using Safeguarding.Measures.Persistence;

namespace Safeguarding.Measures.Application;

/// <summary>
/// Puts a measure change into a unit of work without saving it: the head row follows the change, and the new
/// revision and its event join the unit. The caller commits them with whatever else the unit holds (DefineMeasure
/// and ReviseMeasure on their own; an import's missing measures with its first batch of observations).
/// </summary>
public sealed class MeasureStaging(MeasureEvents events)
{
    /// <summary>A new measure from its <see cref="MeasureChangeKind.Defined"/> change, owned by <paramref name="owner"/>.</summary>
    public MeasureView Define(MeasuresDbContext db, MeasureChange defined, string? libraryMeasureId, string owner)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(defined);
        var head = new MeasureRow
        {
            MeasureId = defined.Current.MeasureId,
            LibraryMeasureId = libraryMeasureId,
            OwnerOrganisation = owner,
            CreatedAt = defined.Current.Changed.At.UtcDateTime,
        };
        db.Measures.Add(head);
        return Apply(db, head, defined, null);
    }

    /// <summary>A change to a measure whose head <paramref name="head"/> is tracked by <paramref name="db"/>.</summary>
    public MeasureView Apply(MeasuresDbContext db, MeasureRow head, MeasureChange change, string? reason)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(change);
        var current = change.Current;
        var definition = current.Definition;
        head.CurrentVersion = current.Version;
        head.CurrentRevision = current.Revision;
        head.Title = definition.Title;
        head.ContentAreaId = definition.ContentAreaId;
        head.Type = WireNames.ToWire(definition.Type);
        head.Source = WireNames.ToWire(definition.Source);
        head.ChangedAt = current.Changed.At.UtcDateTime;
        db.MeasureRevisions.Add(MeasureRevisions.ToRow(current, change.Kind, change.ChangedFields));
        var view = MeasureReader.View(head, current, null);
        events.Changed(db, view, change, reason);
        return view;
    }
}
