using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.Grpc.Mapping;
using Safeguarding.Platform.Events;
using Proto = Safeguarding.Measures.V1;

namespace Safeguarding.Measures.Events;

/// <summary>Writes observation events into the outbox of the caller's unit of work. Subjects are organisation codes.</summary>
public sealed class ObservationEvents(IEventOutbox outbox)
{
    /// <summary>Observations per batch event: keeps an envelope well under brokers' and Dapr's message limits.</summary>
    public const int MaxPerBatchEvent = 5000;

    public void Recorded(DbContext db, Observation observation) =>
        outbox.Add(db, MeasuresTopics.ObservationRecorded, ToEvent(observation), observation.OrganisationCode);

    /// <summary><paramref name="replacement"/> (same key) superseded observation <paramref name="supersededId"/>.</summary>
    public void Superseded(DbContext db, Guid supersededId, Observation replacement) =>
        outbox.Add(db, MeasuresTopics.ObservationSuperseded, new ObservationSuperseded
        {
            ObservationId = supersededId.ToString(),
            SupersededByObservationId = replacement.Id.ToString(),
            OrganisationCode = replacement.OrganisationCode,
            MeasureId = replacement.Measure.MeasureId,
            MeasureVersion = replacement.Measure.Version,
            PeriodCode = replacement.Period.Code,
            BreakdownKey = replacement.Breakdown.Key,
            Reason = replacement.CorrectionReason ?? string.Empty,
            SupersededAt = Timestamps.From(replacement.RecordedAt),
        }, replacement.OrganisationCode);

    /// <summary>
    /// An import batch's new observations, in events of at most <see cref="MaxPerBatchEvent"/> figures grouped
    /// by measure version and period, about the importing organisation; numbered after <paramref name="sequence"/>.
    /// Returns the last number used.
    /// </summary>
    public int BatchRecorded(DbContext db, string importId, int sequence, IReadOnlyList<Observation> observations, DateTimeOffset recordedAt, string subject)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var at = Timestamps.From(recordedAt);
        for (var start = 0; start < observations.Count; start += MaxPerBatchEvent)
        {
            var batch = new ObservationBatchRecorded { ImportId = importId, Sequence = ++sequence, RecordedAt = at };
            var groups = new Dictionary<(string Measure, int Version, string Period), RecordedFigureGroup>();
            for (var i = start; i < Math.Min(start + MaxPerBatchEvent, observations.Count); i++)
            {
                var o = observations[i];
                var key = (o.Measure.MeasureId, o.Measure.Version, o.Period.Code);
                if (!groups.TryGetValue(key, out var group))
                {
                    group = new RecordedFigureGroup { MeasureId = key.MeasureId, MeasureVersion = key.Version, PeriodCode = key.Code, PeriodLabel = o.Period.Label };
                    groups.Add(key, group);
                    batch.Groups.Add(group);
                }

                group.Figures.Add(Figure(o));
            }

            outbox.Add(db, MeasuresTopics.ObservationBatchRecorded, batch, subject);
        }

        return sequence;
    }

    /// <summary>
    /// An import batch event with no figures: its number was given to figures a batch then left out (rows rejected
    /// when it was written), and an import's events stay numbered from 1 without gaps.
    /// </summary>
    public void EmptyBatchRecorded(DbContext db, string importId, int sequence, DateTimeOffset recordedAt, string subject) =>
        outbox.Add(db, MeasuresTopics.ObservationBatchRecorded, new ObservationBatchRecorded { ImportId = importId, Sequence = sequence, RecordedAt = Timestamps.From(recordedAt) }, subject);

    public void Imported(DbContext db, ObservationsImported summary, string subject) =>
        outbox.Add(db, MeasuresTopics.ObservationsImported, summary, subject);

    private static RecordedFigure Figure(Observation observation)
    {
        var value = observation.Value;
        return new RecordedFigure
        {
            ObservationId = observation.Id.ToString(),
            OrganisationCode = observation.OrganisationCode,
            BreakdownKey = observation.Breakdown.Key,
            State = EnumMap<Proto.ObservationState, ObservationState>.ToProto(value.State),
            Numerator = Decimals.Format(value.Numerator),
            Denominator = Decimals.Format(value.Denominator),
            Amount = Decimals.Format(value.Amount),
            Reason = value.Reason ?? string.Empty,
            RoundedToNearest = observation.RoundedToNearest ?? 0,
            SupersedesObservationId = observation.Supersedes?.ToString() ?? string.Empty,
            CorrectionReason = observation.CorrectionReason ?? string.Empty,
        };
    }

    public static ObservationRecorded ToEvent(Observation observation)
    {
        var message = new ObservationRecorded
        {
            ObservationId = observation.Id.ToString(),
            OrganisationCode = observation.OrganisationCode,
            MeasureId = observation.Measure.MeasureId,
            MeasureVersion = observation.Measure.Version,
            PeriodCode = observation.Period.Code,
            PeriodLabel = observation.Period.Label,
            BreakdownKey = observation.Breakdown.Key,
            Value = ObservationMapping.ToProto(observation.Value),
            RoundedToNearest = observation.RoundedToNearest ?? 0,
            ProvenanceKind = EnumMap<Proto.ProvenanceKind, ProvenanceKind>.ToProto(observation.Provenance.Kind),
            ProvenanceReference = observation.Provenance.Reference ?? string.Empty,
            RecordedAt = Timestamps.From(observation.RecordedAt),
            SupersedesObservationId = observation.Supersedes?.ToString() ?? string.Empty,
            CorrectionReason = observation.CorrectionReason ?? string.Empty,
        };
        message.Breakdown.AddRange(observation.Breakdown.Items.Select(i => new Proto.BreakdownItem { Dimension = i.Dimension, Value = i.Value }));
        return message;
    }
}
