using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Grpc;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Actions;

/// <summary>
/// The register's actions: its own table, plus the organisation's narrative actions read beside them (ADR 0019)
/// as read-only entries, so an action recorded either way appears once. Overdue is worked out on the day asked.
/// </summary>
internal sealed class ActionStore(ReportingDbContext db, NarrativeStore narrative, TimeProvider time)
{
    public const string NarrativePrefix = "narrative-";

    public async Task<RegisterAction> CreateAsync(RegisterAction? action, Actor caller, CancellationToken cancellationToken)
    {
        var dates = ActionRules.Validate(action);
        if (action!.Source == RegisterActionSource.CaseReview)
        {
            throw RpcErrors.InvalidArgument("action.source", "case review actions come from the case reviews service; record them there");
        }

        var now = time.GetUtcNow();
        var row = new ActionRow
        {
            Id = Guid.CreateVersion7(now).ToString(),
            OrganisationCode = action.OrganisationCode,
            Source = (int)action.Source,
            SourceReference = action.SourceReference.Trim(),
            CreatedAt = now.UtcDateTime,
            CreatedBy = caller.UserId,
        };
        Fill(row, action, dates, caller.UserId, now.UtcDateTime);
        db.RegisterActions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return ToProto(row);
    }

    public async Task<RegisterAction> UpdateAsync(RegisterAction? action, Actor caller, CancellationToken cancellationToken)
    {
        if (action?.Id.StartsWith(NarrativePrefix, StringComparison.Ordinal) == true)
        {
            throw RpcErrors.FailedPrecondition("MANAGED_ELSEWHERE", "action " + action.Id, "This action is a narrative entry; change it with UpdateNarrativeEntry.");
        }

        var row = await FindRowAsync(action?.Id ?? "", "action.id", cancellationToken);
        if (row.Source == (int)RegisterActionSource.CaseReview)
        {
            throw RpcErrors.FailedPrecondition("MANAGED_ELSEWHERE", "action " + row.Id, "A case review action is changed in the case reviews service; the register follows it.");
        }

        var dates = ActionRules.Validate(action);
        if (action!.Etag.Length > 0 && action.Etag != row.Etag)
        {
            throw Stale(row.Id);
        }

        if (!string.Equals(row.OrganisationCode, action.OrganisationCode, StringComparison.Ordinal))
        {
            throw RpcErrors.InvalidArgument("action.organisation_code", "an action cannot move to another organisation");
        }

        Fill(row, action, dates, caller.UserId, time.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Stale(row.Id);
        }

        return ToProto(row);
    }

    /// <summary>One action by id: a register row, or a narrative action ("narrative-" and the entry id).</summary>
    public async Task<RegisterAction> GetAsync(string id, string field, CancellationToken cancellationToken)
    {
        if (id.StartsWith(NarrativePrefix, StringComparison.Ordinal))
        {
            var entry = await narrative.GetAsync(id[NarrativePrefix.Length..], cancellationToken, field);
            return entry.BodyCase == NarrativeEntry.BodyOneofCase.Action ? FromNarrative(entry) : throw RpcErrors.NotFound("action", id);
        }

        return ToProto(await FindRowAsync(id, field, cancellationToken));
    }

    /// <summary>
    /// An organisation's register: the actions it owns, those its agencies hold for it (when it is their
    /// partnership), and its narrative actions; oldest agreed first.
    /// </summary>
    public async Task<List<RegisterAction>> ListAsync(string organisationCode, CancellationToken cancellationToken)
    {
        var rows = await db.RegisterActions.AsNoTracking()
            .Where(a => a.OrganisationCode == organisationCode || a.PartnershipCode == organisationCode)
            .ToListAsync(cancellationToken);
        var entries = await db.NarrativeEntries.AsNoTracking()
            .Where(e => e.OrganisationCode == organisationCode && e.Kind == NarrativeKind.Action)
            .Select(e => e.Id).ToListAsync(cancellationToken);
        var actions = rows.Select(ToProto).ToList();
        foreach (var id in entries)
        {
            actions.Add(FromNarrative(await narrative.GetAsync(id, cancellationToken)));
        }

        return [.. actions.OrderBy(a => a.AgreedOn, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    private RegisterAction ToProto(ActionRow row) => Overdue(new RegisterAction
    {
        Id = row.Id,
        OrganisationCode = row.OrganisationCode,
        PartnershipCode = row.PartnershipCode,
        Source = (RegisterActionSource)row.Source,
        SourceReference = row.SourceReference,
        Description = row.Description,
        AgreedOn = Iso(row.AgreedOn),
        DueOn = Iso(row.DueOn),
        Status = (RegisterActionStatus)row.Status,
        CompletedOn = row.CompletedOn is { } c ? Iso(c) : "",
        EvidenceOfCompletion = row.EvidenceOfCompletion,
        EvidenceOfImpact = row.EvidenceOfImpact,
        MeasureId = row.MeasureId,
        ContentAreaId = row.ContentAreaId,
        ReadOnly = row.Source == (int)RegisterActionSource.CaseReview,
        Etag = row.Etag,
        CreatedAt = Timestamp.FromDateTime(row.CreatedAt),
        UpdatedAt = Timestamp.FromDateTime(row.UpdatedAt),
    });

    /// <summary>
    /// A narrative action as the register shows it: agreed at the start of its period; a completed one counts as
    /// completed on the day its entry was last changed (narrative actions record no completion date).
    /// </summary>
    private RegisterAction FromNarrative(NarrativeEntry entry)
    {
        var completed = entry.Action.Status == ActionStatus.Completed;
        return Overdue(new RegisterAction
        {
            Id = NarrativePrefix + entry.Id,
            OrganisationCode = entry.OrganisationCode,
            Source = RegisterActionSource.Other,
            Description = entry.Action.Description.Trim(),
            AgreedOn = PeriodSpan.TryParse(entry.PeriodCode, out var period) ? Iso(period.Start) : "",
            DueOn = entry.Action.DueDate,
            Status = entry.Action.Status switch
            {
                ActionStatus.InProgress => RegisterActionStatus.InProgress,
                ActionStatus.Delayed => RegisterActionStatus.Delayed,
                ActionStatus.Completed => RegisterActionStatus.Completed,
                _ => RegisterActionStatus.NotStarted,
            },
            CompletedOn = completed && entry.UpdatedAt is { } at ? Iso(DateOnly.FromDateTime(at.ToDateTime())) : "",
            MeasureId = entry.MeasureId,
            ContentAreaId = entry.ContentAreaId,
            ReadOnly = true,
            Etag = entry.Etag,
            CreatedAt = entry.CreatedAt,
            UpdatedAt = entry.UpdatedAt,
        });
    }

    private RegisterAction Overdue(RegisterAction action)
    {
        action.Overdue = IsOverdue(action, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        return action;
    }

    public static bool IsOverdue(RegisterAction action, DateOnly today) =>
        action.Status is not (RegisterActionStatus.Completed or RegisterActionStatus.Dropped)
        && DateOnly.TryParseExact(action.DueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) && due < today;

    private static void Fill(ActionRow row, RegisterAction action, ActionDates dates, string userId, DateTime now)
    {
        row.PartnershipCode = action.PartnershipCode;
        row.Description = action.Description.Trim();
        row.AgreedOn = dates.AgreedOn;
        row.DueOn = dates.DueOn;
        row.Status = (int)action.Status;
        row.CompletedOn = dates.CompletedOn;
        row.EvidenceOfCompletion = action.EvidenceOfCompletion.Trim();
        row.EvidenceOfImpact = action.EvidenceOfImpact.Trim();
        row.MeasureId = action.MeasureId;
        row.ContentAreaId = action.ContentAreaId;
        row.Etag = Guid.NewGuid().ToString("N");
        row.UpdatedAt = now;
        row.UpdatedBy = userId;
    }

    private async Task<ActionRow> FindRowAsync(string id, string field, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out _))
        {
            throw RpcErrors.InvalidArgument(field, "must be the id of an action");
        }

        return await db.RegisterActions.FindAsync([id], cancellationToken) ?? throw RpcErrors.NotFound("action", id);
    }

    private static global::Grpc.Core.RpcException Stale(string id) =>
        RpcErrors.FailedPrecondition("STALE_ETAG", "action " + id, "The action changed since it was read; read it again and retry.");

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
