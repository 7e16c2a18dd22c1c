using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Grpc;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Narrative;

/// <summary>Stores narrative entries: validated at the edge, scoped by organisation and period, versioned by etag.</summary>
internal sealed class NarrativeStore(ReportingDbContext db, TimeProvider time)
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public async Task<NarrativeEntry> CreateAsync(NarrativeEntry? entry, Actor caller, CancellationToken cancellationToken)
    {
        var period = NarrativeRules.Validate(entry);
        var now = time.GetUtcNow();
        var row = new NarrativeEntryRow
        {
            Id = Guid.CreateVersion7(now).ToString(),
            CreatedAt = now.UtcDateTime,
            CreatedBy = caller.UserId,
        };
        Fill(row, entry!, period, caller, now.UtcDateTime);
        db.NarrativeEntries.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return ToProto(row);
    }

    public async Task<NarrativeEntry> GetAsync(string id, CancellationToken cancellationToken, string field = "id") =>
        ToProto(await FindAsync(id, field, cancellationToken));

    public async Task<NarrativeEntry> UpdateAsync(NarrativeEntry? entry, Actor caller, CancellationToken cancellationToken)
    {
        var period = NarrativeRules.Validate(entry);
        var row = await FindAsync(entry!.Id, "entry.id", cancellationToken);
        CheckEtag(row, entry.Etag);
        if (row.OrganisationCode != entry.OrganisationCode)
        {
            throw RpcErrors.InvalidArgument("entry.organisation_code", "an entry cannot move to another organisation");
        }

        if (row.Kind != NarrativeRules.KindOf(entry))
        {
            throw RpcErrors.InvalidArgument("entry.body", "the kind of an entry cannot change; delete it and create another");
        }

        Fill(row, entry, period, caller, time.GetUtcNow().UtcDateTime);
        await SaveAsync(row, cancellationToken);
        return ToProto(row);
    }

    public async Task DeleteAsync(string id, string etag, CancellationToken cancellationToken)
    {
        var row = await FindAsync(id, "id", cancellationToken);
        CheckEtag(row, etag);
        db.NarrativeEntries.Remove(row);
        await SaveAsync(row, cancellationToken);
    }

    public async Task<ListNarrativeEntriesResponse> ListAsync(ListNarrativeEntriesRequest request, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        TextRules.Code(problems, "organisation_code", request.OrganisationCode);
        if (problems.Count > 0)
        {
            throw RpcErrors.InvalidArgument(problems);
        }

        var size = PageToken.Size(request.PageSize);
        var query = db.NarrativeEntries.AsNoTracking().Where(e => e.OrganisationCode == request.OrganisationCode);
        if (request.Kind != NarrativeKind.Unspecified)
        {
            query = query.Where(e => e.Kind == request.Kind);
        }

        if (request.PeriodCode.Length > 0)
        {
            var period = PeriodSpan.TryParse(request.PeriodCode, out var p) ? p : throw RpcErrors.InvalidArgument("period_code", "must be a period code such as 2024-10/P3M");
            query = query.Where(e => e.PeriodStart >= period.Start && e.PeriodEnd <= period.End);
        }

        if (request.ContentAreaId.Length > 0)
        {
            query = query.Where(e => e.ContentAreaId == request.ContentAreaId);
        }

        if (request.MeasureId.Length > 0)
        {
            query = query.Where(e => e.MeasureId == request.MeasureId);
        }

        if (PageToken.After(request.PageToken) is { } after)
        {
            query = query.Where(e => string.Compare(e.Id, after) > 0);
        }

        var rows = await query.OrderBy(e => e.Id).Take(size + 1).ToListAsync(cancellationToken);
        var response = new ListNarrativeEntriesResponse { NextPageToken = PageToken.Next(rows, size, r => r.Id) };
        response.Entries.AddRange(rows.Select(ToProto));
        return response;
    }

    /// <summary>The organisation's entries whose period lies within <paramref name="window"/>, oldest first.</summary>
    public async Task<IReadOnlyList<NarrativeEntry>> WithinAsync(string organisationCode, PeriodSpan window, CancellationToken cancellationToken)
    {
        var rows = await db.NarrativeEntries.AsNoTracking()
            .Where(e => e.OrganisationCode == organisationCode && e.PeriodStart >= window.Start && e.PeriodEnd <= window.End)
            .OrderBy(e => e.PeriodStart).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(ToProto).ToList();
    }

    /// <summary>Actions agreed up to the end of <paramref name="window"/> (they stay open across periods).</summary>
    public async Task<IReadOnlyList<NarrativeEntry>> ActionsUpToAsync(string organisationCode, PeriodSpan window, CancellationToken cancellationToken)
    {
        var rows = await db.NarrativeEntries.AsNoTracking()
            .Where(e => e.OrganisationCode == organisationCode && e.Kind == NarrativeKind.Action && e.PeriodStart <= window.End)
            .OrderBy(e => e.PeriodStart).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(ToProto).ToList();
    }

    private static void Fill(NarrativeEntryRow row, NarrativeEntry entry, PeriodSpan period, Actor caller, DateTime now)
    {
        var body = entry.Clone();
        body.Id = "";
        body.Etag = "";
        body.CreatedAt = null;
        body.UpdatedAt = null;
        body.CreatedBy = "";
        body.UpdatedBy = "";
        row.OrganisationCode = entry.OrganisationCode;
        row.Kind = NarrativeRules.KindOf(entry);
        row.PeriodCode = period.Code;
        row.PeriodStart = period.Start;
        row.PeriodEnd = period.End;
        row.ContentAreaId = entry.ContentAreaId;
        row.MeasureId = entry.MeasureId;
        row.Body = JsonFormatter.Default.Format(body);
        row.Etag = Guid.NewGuid().ToString("N");
        row.UpdatedAt = now;
        row.UpdatedBy = caller.UserId;
    }

    private static NarrativeEntry ToProto(NarrativeEntryRow row)
    {
        var entry = Parser.Parse<NarrativeEntry>(row.Body);
        entry.Id = row.Id;
        entry.PeriodCode = row.PeriodCode;
        entry.Etag = row.Etag;
        entry.CreatedAt = Timestamp.FromDateTime(row.CreatedAt);
        entry.UpdatedAt = Timestamp.FromDateTime(row.UpdatedAt);
        entry.CreatedBy = row.CreatedBy;
        entry.UpdatedBy = row.UpdatedBy;
        return entry;
    }

    private async Task<NarrativeEntryRow> FindAsync(string id, string field, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out _))
        {
            throw RpcErrors.InvalidArgument(field, "must be the id of a narrative entry");
        }

        return await db.NarrativeEntries.FindAsync([id], cancellationToken) ?? throw RpcErrors.NotFound("narrative entry", id);
    }

    private static void CheckEtag(NarrativeEntryRow row, string etag)
    {
        if (etag.Length > 0 && etag != row.Etag)
        {
            throw RpcErrors.FailedPrecondition("STALE_ETAG", "narrative entry " + row.Id, "The entry changed since it was read; read it again and retry.");
        }
    }

    private async Task SaveAsync(NarrativeEntryRow row, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw RpcErrors.FailedPrecondition("STALE_ETAG", "narrative entry " + row.Id, "The entry changed since it was read; read it again and retry.");
        }
    }
}
