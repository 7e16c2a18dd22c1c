using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguarding.Measures.Application.ContentAreas;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Events;
using Safeguarding.Measures.Library;
using Safeguarding.Measures.Persistence;
using Safeguarding.Platform.Persistence;

namespace Safeguarding.Measures.Application;

/// <summary>
/// Defines, revises and retires measures (ADR 0004: meaning makes versions, wording makes revisions).
/// Every stored revision and its event commit together; the revision's primary key settles races.
/// A measure belongs to the organisation it was defined for; only that organisation revises or retires it (any
/// organisation on the instance may record against it). Another organisation's measure is answered as missing.
/// </summary>
public sealed class MeasureCommands(
    MeasuresDbContext db,
    MeasureReader reader,
    MeasureEvents events,
    MeasureStaging staging,
    ContentAreaCommands contentAreas,
    FrameworkLibrary library,
    IOptions<MeasuresOptions> options,
    TimeProvider time)
{
    /// <summary>The definition a library measure gives, for adopting it without adapting.</summary>
    public MeasureDefinition FromLibrary(string libraryMeasureId, Frequency frequency) =>
        library.FindMeasure(libraryMeasureId) is null
            ? throw new ResourceNotFoundException("library measure", libraryMeasureId)
            : library.ToDefinition(libraryMeasureId, frequency);

    public async Task<MeasureView> DefineAsync(MeasureDefinition definition, string? libraryMeasureId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(actor);
        if (libraryMeasureId is not null && library.FindMeasure(libraryMeasureId) is null)
        {
            throw new ResourceNotFoundException("library measure", libraryMeasureId);
        }

        await RequireContentAreaAsync(definition.ContentAreaId, cancellationToken);
        if (await reader.HeadAsync(definition.Id, cancellationToken) is not null)
        {
            throw new ResourceConflictException("measure", definition.Id, $"measure '{definition.Id}' is already defined; change it with ReviseMeasure");
        }

        var change = MeasureHistory.Define(definition, new ChangeContext(actor.UserId, time.GetUtcNow()));
        var view = staging.Define(db, change, libraryMeasureId, actor.ActingFor ?? options.Value.DefaultOrganisation);
        await SaveAsync(change, cancellationToken);
        return view;
    }

    public async Task<(MeasureView View, MeasureChange Change)> ReviseAsync(MeasureDefinition proposed, bool forceNewVersion, string? reason, string? etag, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(actor);
        var found = await reader.HistoryAsync(proposed.Id, cancellationToken) is { } history && actor.MayChange(history.Head.OwnerOrganisation)
            ? history
            : throw new ResourceNotFoundException("measure", proposed.Id);
        if (found.Head.RetiredAt is not null)
        {
            throw new PreconditionFailedException("MEASURE_RETIRED", proposed.Id, $"measure '{proposed.Id}' is retired");
        }

        if (!string.IsNullOrEmpty(etag) && etag != MeasureView.Tag(found.History.Current))
        {
            throw new PreconditionFailedException("STALE_ETAG", proposed.Id, $"measure '{proposed.Id}' changed since etag {etag} (now {MeasureView.Tag(found.History.Current)})");
        }

        if (proposed.ContentAreaId != found.History.Current.Definition.ContentAreaId)
        {
            await RequireContentAreaAsync(proposed.ContentAreaId, cancellationToken);
        }

        var change = found.History.Change(proposed, new ChangeContext(actor.UserId, time.GetUtcNow(), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()), forceNewVersion);
        if (change.Kind == MeasureChangeKind.Unchanged)
        {
            return (MeasureReader.View(found.Head, change.Current, null), change);
        }

        var head = await db.Measures.FirstAsync(m => m.MeasureId == proposed.Id, cancellationToken);
        var view = staging.Apply(db, head, change, reason);
        await SaveAsync(change, cancellationToken);
        return (view, change);
    }

    public async Task<MeasureView> RetireAsync(string measureId, string reason, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Text.IsLabel(reason, 1000))
        {
            throw new DomainValidationException("reason", "is required (single line, at most 1000 characters)");
        }

        Text.RefusePersonalDetail("reason", reason);

        var head = await db.Measures.FirstOrDefaultAsync(m => m.MeasureId == measureId, cancellationToken) is { } found && actor.MayChange(found.OwnerOrganisation)
            ? found
            : throw new ResourceNotFoundException("measure", measureId);
        var view = await reader.ViewAsync(measureId, 0, false, cancellationToken) ?? throw new ResourceNotFoundException("measure", measureId);
        if (head.RetiredAt is not null)
        {
            return view;
        }

        head.RetiredAt = time.GetUtcNow().UtcDateTime;
        head.RetiredReason = reason.Trim();
        var retired = MeasureReader.View(head, view.Current, null);
        events.Retired(db, retired);
        await db.SaveChangesAsync(cancellationToken);
        return retired;
    }

    private async Task SaveAsync(MeasureChange change, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // Another define or revise of the same measure committed first.
            var id = change.Current.MeasureId;
            throw change.Kind == MeasureChangeKind.Defined
                ? new ResourceConflictException("measure", id, $"measure '{id}' is already defined; change it with ReviseMeasure")
                : new PreconditionFailedException("CONCURRENT_CHANGE", id, $"measure '{id}' was changed at the same time; read it again");
        }
    }

    private async Task RequireContentAreaAsync(string areaId, CancellationToken cancellationToken)
    {
        if (!await contentAreas.ExistsAnywhereAsync(areaId, cancellationToken))
        {
            throw new ResourceNotFoundException("content area", areaId);
        }
    }
}
