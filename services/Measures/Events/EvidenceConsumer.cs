using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Evidence.V1;
using Safeguarding.Measures.Application;
using Safeguarding.Measures.Application.Returns;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Grpc.Mapping;
using Safeguarding.Measures.Organisations;
using Safeguarding.Measures.Persistence;
using Safeguarding.Platform.Events;
using Proto = Safeguarding.Measures.V1;

namespace Safeguarding.Measures.Events;

/// <summary>
/// Records an evidence source's figures (audits, surveys) as observations with that provenance, inside the inbox
/// transaction (a redelivered event never runs twice). Each figure's key is (organisation, measure version, period,
/// breakdown): a new key is recorded, an unchanged figure is left alone, a changed one supersedes the current
/// observation with the publication's correction reason. Figures for unknown or retired measures, or that the
/// measure's rules refuse, or that fall in a signed-off return (ReturnLocks), are refused one by one and logged by id; a publication that can record nothing at all
/// (unknown organisation, wrong kind, no valid figure) is dead-lettered.
/// </summary>
internal sealed class EvidenceConsumer(
    MeasuresDbContext db,
    MeasureReader measures,
    ObservationReader observations,
    ObservationEvents events,
    OrganisationRegistry organisations,
    ReturnLocks locks,
    TimeProvider time,
    ILogger<EvidenceConsumer> logger) : IEventConsumer<EvidenceFiguresProduced>
{
    public async Task ConsumeAsync(ReceivedEvent<EvidenceFiguresProduced> received, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(received);
        var message = received.Message;
        var publication = string.IsNullOrEmpty(message.PublicationId) ? received.Id : message.PublicationId;
        var kind = message.Kind switch
        {
            Proto.ProvenanceKind.Audit => ProvenanceKind.Audit,
            Proto.ProvenanceKind.Survey => ProvenanceKind.Survey,
            _ => (ProvenanceKind?)null,
        };
        var organisation = organisations.Find(message.OrganisationCode);
        var periodProblems = new ValidationProblems();
        var period = PeriodMapping.ToDomain(message.Period, "period", periodProblems);
        var refusal = kind is null ? "kind is not AUDIT or SURVEY"
            : organisation is null ? "unknown organisation"
            : period is null ? "invalid period"
            : !Domain.Text.IsLabel(message.Reference, 128) ? "no source reference"
            : !Domain.Text.IsUserId(message.UserId) ? "no user id"
            : null;
        if (refusal is not null)
        {
            EvidenceLog.PublicationRefused(logger, publication, refusal);
            throw new PermanentEventFailureException(refusal);
        }

        var provenance = kind == ProvenanceKind.Audit ? Provenance.Audit(message.Reference, message.UserId) : Provenance.Survey(message.Reference, message.UserId);
        var reason = string.IsNullOrWhiteSpace(message.CorrectionReason)
            ? $"re-published by {(kind == ProvenanceKind.Audit ? "audit" : "survey")} {message.Reference}"
            : message.CorrectionReason.Trim();
        var now = time.GetUtcNow();
        int recorded = 0, superseded = 0, unchanged = 0, refused = 0;
        foreach (var figure in message.Figures)
        {
            var outcome = await ApplyAsync(figure, organisation!.Code, period!, provenance, reason, now, cancellationToken);
            switch (outcome)
            {
                case Outcome.Recorded: recorded++; break;
                case Outcome.Superseded: superseded++; break;
                case Outcome.Unchanged or Outcome.NothingCounted: unchanged++; break;
                default:
                    refused++;
                    EvidenceLog.FigureRefused(logger, publication, figure.MeasureId, outcome.ToString());
                    break;
            }
        }

        if (refused > 0 && refused == message.Figures.Count)
        {
            EvidenceLog.PublicationRefused(logger, publication, "no figure could be recorded");
            throw new PermanentEventFailureException("no figure could be recorded");
        }

        EvidenceLog.Applied(logger, publication, recorded, superseded, unchanged, refused);
    }

    private async Task<Outcome> ApplyAsync(
        EvidenceFigure figure, string organisation, Period period, Provenance provenance, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = await measures.HistoryAsync(figure.MeasureId ?? string.Empty, cancellationToken);
        if (found is not { } history)
        {
            return Outcome.UnknownMeasure;
        }

        if (history.Head.RetiredAt is not null)
        {
            return Outcome.RetiredMeasure;
        }

        var measure = figure.MeasureVersion == 0 ? history.History.Current : history.History.Find(figure.MeasureVersion);
        if (measure is null)
        {
            return Outcome.UnknownMeasureVersion;
        }

        var problems = new ValidationProblems();
        var breakdown = ObservationMapping.ToDomain(figure.Breakdown ?? new Proto.Breakdown(), "breakdown", problems);
        var value = ObservationMapping.ToDomain(
            new Proto.ObservationValue { State = Proto.ObservationState.Value, Numerator = figure.Numerator, Denominator = figure.Denominator, Amount = figure.Amount },
            "value", problems);
        if (breakdown is null || value is null)
        {
            return Outcome.InvalidFigure;
        }

        // Nothing was counted (no audit answered the criterion): there is no proportion to record.
        if (value.IsProportion && value.Denominator == 0)
        {
            return Outcome.NothingCounted;
        }

        var observation = new Observation
        {
            Id = Guid.CreateVersion7(),
            OrganisationCode = organisation,
            Measure = measure.Ref,
            Period = period,
            Breakdown = breakdown,
            Value = value,
            Provenance = provenance,
            RecordedAt = now,
        };
        try
        {
            ObservationRules.EnsureValid(observation, measure);
        }
        catch (DomainValidationException)
        {
            return Outcome.InvalidFigure;
        }

        var current = await observations.CurrentAsync(observation.Key, cancellationToken);
        var decision = ObservationRules.Decide(current?.Observation, observation);
        if (decision.Decision == RecordDecision.SkipIdentical)
        {
            return Outcome.Unchanged;
        }

        // A signed-off return keeps its figures until it is reopened; the figure is refused and logged by id.
        if (await (await locks.SnapshotAsync([organisation], cancellationToken)).FindAsync(organisation, measure.Ref.MeasureId, period, cancellationToken) is not null)
        {
            return Outcome.ReturnLocked;
        }

        if (decision.Decision == RecordDecision.Append)
        {
            db.Observations.Add(ObservationRows.ToRow(observation, ObservationCommands.Fingerprint(observation)));
            events.Recorded(db, observation);
            return Outcome.Recorded;
        }

        // A different figure is current: this publication corrects it (a re-closed programme, a recounted wave).
        var correction = ObservationRules.Correct(current!.Observation, value, reason, provenance, now, Guid.CreateVersion7());
        var at = now.UtcDateTime;
        var marked = await db.Observations
            .Where(o => o.Id == current.Observation.Id && o.SupersededBy == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.SupersededBy, correction.Id).SetProperty(o => o.SupersededAt, at), cancellationToken);
        if (marked == 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"observation {current.Observation.Id} was superseded at the same time"));
        }

        db.Observations.Add(ObservationRows.ToRow(correction, ObservationCommands.Fingerprint(correction)));
        events.Recorded(db, correction);
        events.Superseded(db, current.Observation.Id, correction);
        return Outcome.Superseded;
    }

    private enum Outcome
    {
        Recorded,
        Superseded,
        Unchanged,
        UnknownMeasure,
        UnknownMeasureVersion,
        RetiredMeasure,
        InvalidFigure,
        NothingCounted,
        ReturnLocked,
    }
}
