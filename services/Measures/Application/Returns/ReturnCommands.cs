using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Datasets;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Events;
using Safeguarding.Measures.Organisations;
using Safeguarding.Measures.Persistence;

namespace Safeguarding.Measures.Application.Returns;

/// <summary>
/// Moves returns through open → submitted → approved → accepted, waives and reopens them. Each call is one
/// transaction holding every row it changes, its history and its events (a bulk approval or acceptance is all or
/// nothing). The acting organisation is the caller's own from the verified token; ReturnHierarchy
/// says which steps it may take on whose return.
/// </summary>
public sealed class ReturnCommands(
    MeasuresDbContext db,
    DatasetCatalog datasets,
    ReturnHierarchy hierarchy,
    ReturnEvents events,
    ReturnViolations violations,
    TimeProvider time)
{
    public const int MaxReason = 1000;

    public async Task<StoredReturn> SubmitAsync(ReturnKey key, Actor actor, CancellationToken cancellationToken)
    {
        var (dataset, organisation) = Resolve(key);
        hierarchy.RequireMaySubmit(Acting(actor, organisation), organisation);

        // Validated first, in its own transaction: the violations stay recorded to be explained even when they stop it.
        var blocking = (await violations.ValidateAsync(dataset, key, cancellationToken)).Where(v => v.Blocking && v.Status == ViolationStatus.Open).ToList();
        if (blocking.Count > 0)
        {
            throw new PreconditionFailedException(
                "RETURN_HAS_BLOCKING_VIOLATIONS",
                key.ToString(),
                $"the return {Describe(key)} has {blocking.Count} unexplained violation(s) of blocking rules; correct the figures or explain each (ResolveViolation) first: "
                    + string.Join("; ", blocking.Select(v => $"#{v.Id} {v.RuleId}: {v.Message}")));
        }

        return await InTransactionAsync(async () =>
        {
            var row = await LoadAsync(dataset, key, cancellationToken);
            RequireState(key, row, "submitted", ReturnState.Open);
            var now = time.GetUtcNow();
            Move(row, ReturnState.Submitted, actor, now, reason: null);
            row.SubmittedAt = now.UtcDateTime;
            row.SubmittedBy = actor.UserId;
            events.Submitted(db, key, actor.UserId, now, row.DueOn);
            return row;
        }, key, cancellationToken);
    }

    /// <summary>
    /// Approves every return named, agencies' before partnerships' (so one call approves a partnership's agencies and
    /// then the partnership): each must be submitted, and a partnership's only once every agency below it has submitted
    /// or was waived. All or nothing.
    /// </summary>
    public Task<IReadOnlyList<StoredReturn>> ApproveAsync(IReadOnlyList<ReturnKey> keys, Actor actor, CancellationToken cancellationToken) =>
        SignOffAsync(keys, actor, approve: true, cancellationToken);

    /// <summary>Accepts every return named (the region's step): each must be approved, and what is below a partnership signed off or waived.</summary>
    public Task<IReadOnlyList<StoredReturn>> AcceptAsync(IReadOnlyList<ReturnKey> keys, Actor actor, CancellationToken cancellationToken) =>
        SignOffAsync(keys, actor, approve: false, cancellationToken);

    /// <summary>
    /// Sends a return back to open with a reason; every return above it that was approved or accepted (its sign-off
    /// rested on this one) goes back to submitted, each with its own event naming the cause.
    /// </summary>
    public async Task<IReadOnlyList<StoredReturn>> ReopenAsync(ReturnKey key, string reason, Actor actor, CancellationToken cancellationToken)
    {
        var (dataset, organisation) = Resolve(key);
        CheckReason(reason);
        var changed = new List<(ReturnKey, ReturnRow)>();
        await InTransactionAsync(async () =>
        {
            var row = await LoadAsync(dataset, key, cancellationToken);
            var from = StateOf(row);
            hierarchy.RequireMayReopen(Acting(actor, organisation), organisation, from);
            if (from == ReturnState.Open)
            {
                throw new PreconditionFailedException("RETURN_OPEN", key.ToString(), $"the return {Describe(key)} is already open");
            }

            var now = time.GetUtcNow();
            Move(row, ReturnState.Open, actor, now, reason);
            events.Reopened(db, key, actor.UserId, now, reason, from, ReturnState.Open, causedBy: null);
            changed.Add((key, row));
            foreach (var above in hierarchy.Above(organisation))
            {
                var aboveKey = key with { OrganisationCode = above };
                var aboveRow = await LoadAsync(dataset, aboveKey, cancellationToken);
                var aboveState = StateOf(aboveRow);
                if (!aboveState.IsLocked())
                {
                    continue;
                }

                Move(aboveRow, ReturnState.Submitted, actor, now, reason);
                events.Reopened(db, aboveKey, actor.UserId, now, reason, aboveState, ReturnState.Submitted, causedBy: key.OrganisationCode);
                changed.Add((aboveKey, aboveRow));
            }

            return row;
        }, key, cancellationToken);
        return [.. changed.Select(c => ReturnReader.ToStored(c.Item1, c.Item2))];
    }

    /// <summary>The partnership records that nothing is expected of an agency for this dataset and period.</summary>
    public async Task<StoredReturn> WaiveAsync(ReturnKey key, string reason, Actor actor, CancellationToken cancellationToken)
    {
        var (dataset, organisation) = Resolve(key);
        CheckReason(reason);
        hierarchy.RequireMayWaive(Acting(actor, organisation), organisation);
        return await InTransactionAsync(async () =>
        {
            var row = await LoadAsync(dataset, key, cancellationToken);
            RequireState(key, row, "waived", ReturnState.Open);
            var now = time.GetUtcNow();
            Move(row, ReturnState.Waived, actor, now, reason);
            events.Waived(db, key, actor.UserId, actor.OrganisationCode!, now, reason);
            return row;
        }, key, cancellationToken);
    }

    private async Task<IReadOnlyList<StoredReturn>> SignOffAsync(IReadOnlyList<ReturnKey> keys, Actor actor, bool approve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var resolved = keys.Select(k => (Key: k, Found: Resolve(k))).ToList();
        var acting = actor.OrganisationCode ?? string.Empty;
        foreach (var (_, (_, organisation)) in resolved)
        {
            acting = Acting(actor, organisation);
            if (approve)
            {
                hierarchy.RequireMayApprove(acting, organisation);
            }
            else
            {
                hierarchy.RequireMayAccept(acting, organisation);
            }
        }

        // Agencies first: a partnership's sign-off rests on theirs.
        var ordered = resolved.OrderBy(r => r.Found.Organisation.Kind == OrganisationKind.Partnership ? 1 : 0).ToList();
        var done = new List<(ReturnKey, ReturnRow)>();
        await InTransactionAsync(async () =>
        {
            var now = time.GetUtcNow();
            foreach (var (key, (dataset, organisation)) in ordered)
            {
                var row = await LoadAsync(dataset, key, cancellationToken);
                RequireState(key, row, approve ? "approved" : "accepted", approve ? ReturnState.Submitted : ReturnState.Approved);
                await RequireBelowReadyAsync(dataset, key, organisation, approve, cancellationToken);
                if (approve)
                {
                    Move(row, ReturnState.Approved, actor, now, reason: null);
                    row.ApprovedAt = now.UtcDateTime;
                    row.ApprovedBy = actor.UserId;
                    events.Approved(db, key, actor.UserId, acting, now);
                }
                else
                {
                    Move(row, ReturnState.Accepted, actor, now, reason: null);
                    row.AcceptedAt = now.UtcDateTime;
                    row.AcceptedBy = actor.UserId;
                    events.Accepted(db, key, actor.UserId, acting, now);
                }

                done.Add((key, row));
            }

            return done.Count > 0 ? done[0].Item2 : null;
        }, keys.Count > 0 ? keys[0] : null, cancellationToken);
        return [.. done.Select(d => ReturnReader.ToStored(d.Item1, d.Item2))];
    }

    /// <summary>
    /// Bottom-up: a partnership's return is approved only when every agency return below it is submitted (or further)
    /// or waived, and accepted only when each is approved, accepted or waived. FAILED_PRECONDITION names them.
    /// </summary>
    private async Task RequireBelowReadyAsync(Dataset dataset, ReturnKey key, Organisation organisation, bool approve, CancellationToken cancellationToken)
    {
        var below = hierarchy.Below(organisation);
        if (below.Count == 0)
        {
            return;
        }

        var notReady = new List<string>();
        foreach (var code in below)
        {
            var state = StateOf(await LoadAsync(dataset, key with { OrganisationCode = code }, cancellationToken));
            var ready = approve ? state.IsReadyForApprovalAbove() : state.IsLocked() || state == ReturnState.Waived;
            if (!ready)
            {
                notReady.Add($"{code} ({WireNames.ToWire(state)})");
            }
        }

        if (notReady.Count > 0)
        {
            throw new PreconditionFailedException(
                "RETURNS_BELOW_NOT_READY",
                key.ToString(),
                $"the return {Describe(key)} cannot be {(approve ? "approved" : "accepted")} until every agency return below it is {(approve ? "submitted or waived" : "approved or waived")}: {string.Join(", ", notReady)}");
        }
    }

    private (Dataset Dataset, Organisation Organisation) Resolve(ReturnKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var dataset = datasets.Find(key.DatasetId) ?? throw new ResourceNotFoundException("dataset", key.DatasetId);
        if (!dataset.IsReturnPeriod(key.Period))
        {
            throw new DomainValidationException("period", $"{key.Period.Code} is not a period of dataset '{dataset.Id}' ({WireNames.ToWire(dataset.Frequency)}, financial-year aligned)");
        }

        return (dataset, hierarchy.ReturningOrganisation(key.OrganisationCode));
    }

    /// <summary>
    /// The organisation taking the step: the caller's own, from the verified token (a gateway grant to call for another
    /// organisation never makes an agency's analyst the partnership). The return must be the call's target organisation's
    /// or one below it: the instance the gateway routed the call to is the one holding it (a partnership's instance holds
    /// its agencies' returns when they share it; an agency on an instance of its own is called with it as the target).
    /// </summary>
    private string Acting(Actor actor, Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var own = actor.OrganisationCode
            ?? throw new ReturnStepNotAllowedException("organisation_code", "a return step needs the caller's organisation; the token names none");
        if (actor.TargetOrganisation is { } target && !hierarchy.IsSameOrBelow(organisation, target))
        {
            throw new ReturnStepNotAllowedException("organisation_code", "names an organisation neither the call's target nor below it");
        }

        return own;
    }

    private static void CheckReason(string reason)
    {
        if (!Text.IsLabel(reason, MaxReason))
        {
            throw new DomainValidationException("reason", $"is required (single line, at most {MaxReason} characters)");
        }

        Text.RefusePersonalDetail("reason", reason);
    }

    /// <summary>The tracked row of a return, creating it (open) on first use.</summary>
    private async Task<ReturnRow> LoadAsync(Dataset dataset, ReturnKey key, CancellationToken cancellationToken)
    {
        var row = db.Returns.Local.FirstOrDefault(r => Matches(r, key))
            ?? await db.Returns.FirstOrDefaultAsync(r => r.OrganisationCode == key.OrganisationCode && r.DatasetId == key.DatasetId && r.PeriodCode == key.Period.Code, cancellationToken);
        if (row is not null)
        {
            return row;
        }

        row = new ReturnRow
        {
            OrganisationCode = key.OrganisationCode,
            DatasetId = key.DatasetId,
            PeriodCode = key.Period.Code,
            State = WireNames.ToWire(ReturnState.Open),
            DueOn = dataset.DueOn(key.Period),
            Revision = 0,
        };
        return row; // added by Move when it first changes
    }

    private static bool Matches(ReturnRow row, ReturnKey key) =>
        string.Equals(row.OrganisationCode, key.OrganisationCode, StringComparison.OrdinalIgnoreCase) && row.DatasetId == key.DatasetId && row.PeriodCode == key.Period.Code;

    private static ReturnState StateOf(ReturnRow row) => WireNames.TryParse<ReturnState>(row.State, out var state) ? state : ReturnState.Open;

    private static void RequireState(ReturnKey key, ReturnRow row, string step, ReturnState expected)
    {
        var state = StateOf(row);
        if (state != expected)
        {
            throw new PreconditionFailedException(
                "RETURN_" + WireNames.ToWire(state).ToUpperInvariant(),
                key.ToString(),
                $"the return {Describe(key)} is {WireNames.ToWire(state)}; it can be {step} only when {WireNames.ToWire(expected)}");
        }
    }

    internal static string Describe(ReturnKey key) => $"of {key.OrganisationCode} for dataset '{key.DatasetId}', {key.Period.Label} ({key.Period.Code})";

    private void Move(ReturnRow row, ReturnState to, Actor actor, DateTimeOffset at, string? reason)
    {
        var from = row.State;
        if (row.Revision == 0 && db.Entry(row).State == EntityState.Detached)
        {
            db.Returns.Add(row);
        }

        row.State = WireNames.ToWire(to);
        row.ChangedAt = at.UtcDateTime;
        row.ChangedBy = actor.UserId;
        row.Reason = reason ?? (to == ReturnState.Submitted ? null : row.Reason);
        if (to == ReturnState.Open)
        {
            row.SubmittedAt = null;
            row.SubmittedBy = null;
        }

        if (to is ReturnState.Open or ReturnState.Submitted)
        {
            row.ApprovedAt = null;
            row.ApprovedBy = null;
            row.AcceptedAt = null;
            row.AcceptedBy = null;
        }

        row.Revision++;
        db.ReturnTransitions.Add(new ReturnTransitionRow
        {
            OrganisationCode = row.OrganisationCode,
            DatasetId = row.DatasetId,
            PeriodCode = row.PeriodCode,
            FromState = from,
            ToState = row.State,
            Reason = reason,
            ChangedBy = actor.UserId,
            ChangedAt = at.UtcDateTime,
        });
    }

    private async Task<StoredReturn> InTransactionAsync(Func<Task<ReturnRow?>> change, ReturnKey? key, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await change();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || Platform.Persistence.DatabaseErrors.IsUniqueViolation(ex))
        {
            throw new PreconditionFailedException("RETURN_CHANGED", key?.ToString() ?? "returns", "the return changed at the same time; read it again and retry");
        }

        await transaction.CommitAsync(cancellationToken);
        return row is null || key is null ? null! : ReturnReader.ToStored(key, row);
    }
}
