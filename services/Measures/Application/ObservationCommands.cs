using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Application.Returns;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Events;
using Safeguarding.Measures.Organisations;
using Safeguarding.Measures.Persistence;
using Safeguarding.Platform.Persistence;

namespace Safeguarding.Measures.Application;

/// <summary>A figure to record by hand (or from an audit or survey) for an organisation, measure version, period and breakdown.</summary>
public sealed record RecordObservationCommand(
    string OrganisationCode,
    string MeasureId,
    int MeasureVersion,
    Period Period,
    Breakdown Breakdown,
    ObservationValue Value,
    int? RoundedToNearest,
    ProvenanceKind SourceKind,
    string? SourceReference);

/// <summary>A new figure for the current observation <see cref="ObservationId"/>, with a reason.</summary>
public sealed record CorrectObservationCommand(Guid ObservationId, ObservationValue Value, string Reason, int? RoundedToNearest, ProvenanceKind SourceKind, string? SourceReference);

public enum RecordResult
{
    Recorded,
    AlreadyCurrent,
}

/// <summary>
/// Records and corrects observations one at a time (ObservationRules decide, as for imports). Append-only:
/// a correction marks the old row superseded and inserts the new one in one transaction with its events;
/// the unique index on current keys turns a race into a refusal, never into two current figures.
/// </summary>
public sealed class ObservationCommands(
    MeasuresDbContext db,
    MeasureReader measures,
    ObservationReader observations,
    ObservationEvents events,
    OrganisationRegistry organisations,
    ReturnLocks locks,
    TimeProvider time)
{
    public async Task<(StoredObservation Observation, RecordResult Result)> RecordAsync(RecordObservationCommand command, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        if (organisations.Find(command.OrganisationCode) is null)
        {
            throw new ResourceNotFoundException("organisation", command.OrganisationCode);
        }

        var measure = await RecordableVersionAsync(command.MeasureId, command.MeasureVersion, cancellationToken);
        var observation = new Observation
        {
            Id = Guid.CreateVersion7(),
            OrganisationCode = organisations.Find(command.OrganisationCode)!.Code,
            Measure = measure.Ref,
            Period = command.Period,
            Breakdown = command.Breakdown,
            Value = command.Value,
            RoundedToNearest = command.RoundedToNearest,
            Provenance = ProvenanceFor(command.SourceKind, command.SourceReference, actor),
            RecordedAt = time.GetUtcNow(),
        };
        ObservationRules.EnsureValid(observation, measure);

        // The lock is read in the write's transaction, so a return signed off meanwhile cannot let the figure slip in.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await locks.RequireUnlockedAsync(observation.OrganisationCode, observation.Measure.MeasureId, observation.Period, cancellationToken);
        var current = await observations.CurrentAsync(observation.Key, cancellationToken);
        var outcome = ObservationRules.Decide(current?.Observation, observation);
        switch (outcome.Decision)
        {
            case RecordDecision.SkipIdentical:
                return (current!, RecordResult.AlreadyCurrent);
            case RecordDecision.Append:
                break;
            default:
                throw new ResourceConflictException("observation", current?.Observation.Id.ToString() ?? observation.Key.Canonical, $"{outcome.Problem}; correct it with CorrectObservation");
        }

        db.Observations.Add(ObservationRows.ToRow(observation, Fingerprint(observation)));
        events.Recorded(db, observation);
        await SaveAsync(observation, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (new StoredObservation(observation, null, 0), RecordResult.Recorded);
    }

    public async Task<StoredObservation> CorrectAsync(CorrectObservationCommand command, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        var stored = await observations.FindAsync(command.ObservationId, cancellationToken)
            ?? throw new ResourceNotFoundException("observation", command.ObservationId.ToString());
        if (stored.SupersededBy is { } newer)
        {
            throw new PreconditionFailedException("OBSERVATION_SUPERSEDED", command.ObservationId.ToString(), $"observation {command.ObservationId} was superseded by {newer}; correct the current one");
        }

        var current = stored.Observation;
        var measure = await RecordableVersionAsync(current.Measure.MeasureId, current.Measure.Version, cancellationToken);
        var correction = ObservationRules.Correct(current, command.Value, command.Reason, ProvenanceFor(command.SourceKind, command.SourceReference, actor), time.GetUtcNow(), Guid.CreateVersion7())
            with { RoundedToNearest = command.RoundedToNearest ?? current.RoundedToNearest };
        ObservationRules.EnsureValid(correction, measure);
        var outcome = ObservationRules.Decide(current, correction);
        if (outcome.Decision == RecordDecision.Conflict)
        {
            throw new DomainValidationException("value", outcome.Problem ?? "the correction does not change the figure");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await locks.RequireUnlockedAsync(current.OrganisationCode, current.Measure.MeasureId, current.Period, cancellationToken);
        var at = correction.RecordedAt.UtcDateTime;
        var marked = await db.Observations
            .Where(o => o.Id == current.Id && o.SupersededBy == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.SupersededBy, correction.Id).SetProperty(o => o.SupersededAt, at), cancellationToken);
        if (marked == 0)
        {
            throw new PreconditionFailedException("OBSERVATION_SUPERSEDED", current.Id.ToString(), $"observation {current.Id} was superseded at the same time; correct the current one");
        }

        db.Observations.Add(ObservationRows.ToRow(correction, Fingerprint(correction)));
        events.Recorded(db, correction);
        events.Superseded(db, current.Id, correction);
        await SaveAsync(correction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StoredObservation(correction, null, 0);
    }

    internal static byte[] Fingerprint(Observation observation) => ObservationFingerprint.Hash(observation);

    private async Task<MeasureVersion> RecordableVersionAsync(string measureId, int version, CancellationToken cancellationToken)
    {
        var found = await measures.HistoryAsync(measureId, cancellationToken) ?? throw new ResourceNotFoundException("measure", measureId);
        if (found.Head.RetiredAt is not null)
        {
            throw new PreconditionFailedException("MEASURE_RETIRED", measureId, $"measure '{measureId}' is retired; nothing more is recorded for it");
        }

        return (version == 0 ? found.History.Current : found.History.Find(version))
            ?? throw new ResourceNotFoundException("measure version", $"{measureId}@v{version}");
    }

    private static Provenance ProvenanceFor(ProvenanceKind kind, string? reference, Actor actor)
    {
        try
        {
            return kind switch
            {
                ProvenanceKind.Audit => Provenance.Audit(reference ?? string.Empty, actor.UserId),
                ProvenanceKind.Survey => Provenance.Survey(reference ?? string.Empty, actor.UserId),
                ProvenanceKind.ManualEntry => Provenance.ManualEntry(actor.UserId),
                _ => throw new DomainValidationException("source.kind", "imports go through ImportCsv; use manual_entry, audit or survey"),
            };
        }
        catch (DomainValidationException ex) when (ex.Problems.Any(p => p.Field == "provenance.reference"))
        {
            throw new DomainValidationException("source.reference", "is required for an audit or survey (the programme or wave id, at most 128 characters)");
        }
    }

    private async Task SaveAsync(Observation observation, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            throw new ResourceConflictException("observation", observation.Key.Canonical, $"{observation.Key} got another figure at the same time; read it and correct it if needed");
        }
    }
}
