using System.Globalization;
using CloudNative.CloudEvents;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Platform.Events;
using Safeguarding.Reporting.Persistence;

namespace Safeguarding.Reporting.ReadModels;

/// <summary>
/// The current figure per key (organisation, measure version, period, breakdown). A figure replaces the
/// key's current one when it is later (recorded time, then id); a superseded observation is remembered,
/// so neither a late nor a redelivered one becomes current again. The outcome depends only on which events
/// arrived, not their order, so a rebuild reproduces the live read model.
/// </summary>
internal sealed class ObservationProjection : IReadModelProjection
{
    // Rows are prefetched for this many changes at a time (one IN query per 500 keys).
    private const int PrefetchSlice = 2000;
    private const int InListSize = 500;

    public IReadOnlyCollection<string> EventTypes { get; } =
    [
        ObservationRecorded.Descriptor.FullName, ObservationBatchRecorded.Descriptor.FullName, ObservationSuperseded.Descriptor.FullName,
    ];

    public IMessage Read(CloudEvent cloudEvent) => cloudEvent.Type switch
    {
        var t when t == ObservationRecorded.Descriptor.FullName => ProtoCloudEvents.ReadData<ObservationRecorded>(cloudEvent),
        var t when t == ObservationBatchRecorded.Descriptor.FullName => ProtoCloudEvents.ReadData<ObservationBatchRecorded>(cloudEvent),
        _ => ProtoCloudEvents.ReadData<ObservationSuperseded>(cloudEvent),
    };

    public async Task ApplyAsync(ReportingDbContext db, IReadOnlyList<ProjectedEvent> events, CancellationToken cancellationToken)
    {
        var changes = new List<IMessage>();
        foreach (var projected in events)
        {
            if (projected.Message is ObservationBatchRecorded batch)
            {
                changes.AddRange(BatchFigures.Expand(batch));
            }
            else
            {
                changes.Add(projected.Message);
            }
        }

        var state = new KeyState(db);
        for (var start = 0; start < changes.Count; start += PrefetchSlice)
        {
            var slice = changes.GetRange(start, Math.Min(PrefetchSlice, changes.Count - start));
            await state.PrefetchAsync(slice, cancellationToken);
            foreach (var change in slice)
            {
                switch (change)
                {
                    case ObservationRecorded recorded:
                        state.Record(recorded);
                        break;
                    case ObservationSuperseded superseded:
                        state.Supersede(superseded);
                        break;
                }
            }
        }

        await BulkInsert.InsertAsync(db, state.NewRows, cancellationToken);
    }

    internal static string KeyOf(ObservationRecorded o) =>
        ObservationRow.KeyOf(o.OrganisationCode, o.MeasureId, o.MeasureVersion, o.PeriodCode, o.BreakdownKey);

    internal static string KeyOf(ObservationSuperseded o) =>
        ObservationRow.KeyOf(o.OrganisationCode, o.MeasureId, o.MeasureVersion, o.PeriodCode, o.BreakdownKey);

    /// <summary>
    /// The rows and tombstones one apply call has seen. Rows read from the database are tracked by the
    /// DbContext (updates and deletes go through SaveChanges); rows new to the database are bulk-inserted at the end.
    /// </summary>
    private sealed class KeyState(ReportingDbContext db)
    {
        private readonly Dictionary<string, ObservationRow?> _rows = new(StringComparer.Ordinal);
        private readonly HashSet<ObservationRow> _new = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, ObservationRow> _removed = new(StringComparer.Ordinal);
        private readonly HashSet<string> _superseded = new(StringComparer.Ordinal);
        private readonly HashSet<string> _checkedIds = new(StringComparer.Ordinal);

        public IReadOnlyCollection<ObservationRow> NewRows => _new;

        public async Task PrefetchAsync(List<IMessage> slice, CancellationToken cancellationToken)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var change in slice)
            {
                switch (change)
                {
                    case ObservationRecorded r:
                        keys.Add(KeyOf(r));
                        ids.Add(r.ObservationId);
                        if (r.SupersedesObservationId.Length > 0)
                        {
                            ids.Add(r.SupersedesObservationId);
                        }

                        break;
                    case ObservationSuperseded s:
                        keys.Add(KeyOf(s));
                        ids.Add(s.ObservationId);
                        break;
                }
            }

            keys.ExceptWith(_rows.Keys);
            ids.ExceptWith(_checkedIds);
            foreach (var chunk in keys.Chunk(InListSize))
            {
                foreach (var row in await db.Observations.Where(r => chunk.Contains(r.Key)).ToListAsync(cancellationToken))
                {
                    _rows[row.Key] = row;
                }
            }

            foreach (var key in keys)
            {
                _rows.TryAdd(key, null);
            }

            foreach (var chunk in ids.Chunk(InListSize))
            {
                _superseded.UnionWith(await db.SupersededObservations.Where(r => chunk.Contains(r.ObservationId))
                    .Select(r => r.ObservationId).ToListAsync(cancellationToken));
            }

            _checkedIds.UnionWith(ids);
        }

        public void Record(ObservationRecorded o)
        {
            if (o is not { ObservationId.Length: > 0, OrganisationCode.Length: > 0, MeasureId.Length: > 0 }
                || !PeriodSpan.TryParse(o.PeriodCode, out var period))
            {
                throw new PermanentEventFailureException("An observation without id, organisation, measure or a valid period code.");
            }

            if (o.SupersedesObservationId.Length > 0)
            {
                Tombstone(o.SupersedesObservationId, o.ObservationId);
            }

            if (_superseded.Contains(o.ObservationId))
            {
                return;
            }

            var key = KeyOf(o);
            var current = _rows[key];
            if (current is not null && (current.ObservationId == o.ObservationId || !IsLater(o, current)))
            {
                return;
            }

            var row = current ?? Revive(key);
            row.OrganisationCode = o.OrganisationCode;
            row.MeasureId = o.MeasureId;
            row.MeasureVersion = o.MeasureVersion;
            row.PeriodCode = period.Code;
            row.PeriodStart = period.Start;
            row.PeriodMonths = period.Months;
            row.BreakdownKey = o.BreakdownKey;
            row.ObservationId = o.ObservationId;
            row.State = o.Value?.State ?? Measures.V1.ObservationState.Unspecified;
            row.Numerator = Number(o.Value?.Numerator);
            row.Denominator = Number(o.Value?.Denominator);
            row.Amount = Number(o.Value?.Amount);
            row.Reason = o.Value?.Reason ?? "";
            row.RoundedToNearest = o.RoundedToNearest;
            row.ProvenanceKind = o.ProvenanceKind;
            row.ProvenanceReference = o.ProvenanceReference;
            row.RecordedAt = o.RecordedAt?.ToDateTime();
        }

        public void Supersede(ObservationSuperseded s)
        {
            Tombstone(s.ObservationId, s.SupersededByObservationId);
            var key = KeyOf(s);
            if (_rows[key] is { } current && current.ObservationId == s.ObservationId)
            {
                // Its replacement has not arrived yet: the key has no current figure until it does.
                if (!_new.Remove(current))
                {
                    db.Observations.Remove(current);
                    _removed[key] = current;
                }

                _rows[key] = null;
            }
        }

        private void Tombstone(string observationId, string supersededBy)
        {
            if (_superseded.Add(observationId))
            {
                db.SupersededObservations.Add(new SupersededObservationRow { ObservationId = observationId, SupersededBy = supersededBy });
            }
        }

        // A database row deleted earlier in this apply call is reused (EF tracks one instance per key).
        private ObservationRow Revive(string key)
        {
            ObservationRow row;
            if (_removed.Remove(key, out var removed))
            {
                row = removed;
                db.Entry(row).State = EntityState.Modified;
            }
            else
            {
                row = new ObservationRow { Key = key };
                _new.Add(row);
            }

            _rows[key] = row;
            return row;
        }

        private static bool IsLater(ObservationRecorded o, ObservationRow current)
        {
            var byTime = Nullable.Compare(o.RecordedAt?.ToDateTime(), current.RecordedAt);
            return byTime > 0 || (byTime == 0 && string.CompareOrdinal(o.ObservationId, current.ObservationId) > 0);
        }

        private static decimal? Number(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new PermanentEventFailureException("An observation number is not a decimal.");
        }
    }
}
