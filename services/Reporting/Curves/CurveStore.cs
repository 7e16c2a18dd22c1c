using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Grpc;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Curves;

/// <summary>
/// Stores Turning the Curve records: only what people wrote, as the row's JSON body. Linking a QA timetable activity
/// marks it done on the day of the exercise, in the same save as the record.
/// </summary>
internal sealed class CurveStore(ReportingDbContext db, TimeProvider time)
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public async Task<TurningTheCurve> CreateAsync(TurningTheCurve? record, Actor caller, CancellationToken cancellationToken)
    {
        var heldOn = CurveRules.Validate(record, Today());
        await RequireMeasureAsync(record!.MeasureId, cancellationToken);
        var now = time.GetUtcNow();
        var row = new CurveRow
        {
            Id = Guid.CreateVersion7(now).ToString(),
            OrganisationCode = record.OrganisationCode,
            MeasureId = record.MeasureId,
            CreatedAt = now.UtcDateTime,
            CreatedBy = caller.UserId,
        };
        Fill(row, record, heldOn, caller, now.UtcDateTime);
        await CompleteActivityAsync(row, caller, cancellationToken);
        db.CurveRecords.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return ToProto(row);
    }

    public async Task<TurningTheCurve> UpdateAsync(TurningTheCurve? record, Actor caller, CancellationToken cancellationToken)
    {
        var heldOn = CurveRules.Validate(record, Today());
        var row = await FindAsync(record!.Id, "record.id", cancellationToken);
        if (record.Etag.Length > 0 && record.Etag != row.Etag)
        {
            throw Stale(row.Id);
        }

        var problems = new List<FieldProblem>();
        if (row.OrganisationCode != record.OrganisationCode)
        {
            problems.Add(new FieldProblem("record.organisation_code", "a record cannot move to another organisation"));
        }

        if (row.MeasureId != record.MeasureId)
        {
            problems.Add(new FieldProblem("record.measure_id", "cannot change: a record is about one measure's curve; start a new record for another"));
        }

        if (problems.Count > 0)
        {
            throw RpcErrors.InvalidArgument(problems);
        }

        Fill(row, record, heldOn, caller, time.GetUtcNow().UtcDateTime);
        await CompleteActivityAsync(row, caller, cancellationToken);
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

    public async Task<TurningTheCurve> GetAsync(string id, string field, CancellationToken cancellationToken) =>
        ToProto(await FindAsync(id, field, cancellationToken));

    /// <summary>An organisation's records (optionally one measure's), newest exercise first.</summary>
    public async Task<List<TurningTheCurve>> ListAsync(string organisationCode, string measureId, CancellationToken cancellationToken)
    {
        var query = db.CurveRecords.AsNoTracking().Where(r => r.OrganisationCode == organisationCode);
        if (measureId.Length > 0)
        {
            query = query.Where(r => r.MeasureId == measureId);
        }

        var rows = await query.ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.HeldOn).ThenBy(r => r.Id, StringComparer.Ordinal).Select(ToProto)];
    }

    /// <summary>
    /// Marks the linked QA timetable activity done on the day of the exercise, by this record. It must be the same
    /// organisation's (another's is NOT_FOUND, as if it did not exist) and a Turning the Curve activity; one already
    /// recorded as done keeps what it says.
    /// </summary>
    private async Task CompleteActivityAsync(CurveRow row, Actor caller, CancellationToken cancellationToken)
    {
        if (row.QaActivityId.Length == 0)
        {
            return;
        }

        var activity = await db.QaActivities.FindAsync([row.QaActivityId], cancellationToken);
        if (activity is null || activity.OrganisationCode != row.OrganisationCode)
        {
            throw RpcErrors.NotFound("QA activity", row.QaActivityId);
        }

        if (activity.Kind != QaActivityKind.TurningTheCurve)
        {
            throw RpcErrors.InvalidArgument("record.qa_activity_id", "must be a Turning the Curve activity of the QA timetable");
        }

        if (activity.DoneOn.Length > 0)
        {
            return;
        }

        activity.DoneOn = row.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        activity.DoneByKind = QaEvidenceKind.TurningTheCurve;
        activity.DoneById = row.Id;
        activity.Etag = Guid.NewGuid().ToString("N");
        activity.UpdatedAt = row.UpdatedAt;
        activity.UpdatedBy = caller.UserId;
    }

    private async Task RequireMeasureAsync(string measureId, CancellationToken cancellationToken)
    {
        if (!await db.MeasureVersions.AsNoTracking().AnyAsync(m => m.MeasureId == measureId, cancellationToken))
        {
            throw RpcErrors.InvalidArgument("record.measure_id", "is not a measure reporting knows of");
        }
    }

    private static void Fill(CurveRow row, TurningTheCurve record, DateOnly heldOn, Actor caller, DateTime now)
    {
        var body = new TurningTheCurve { Title = record.Title.Trim(), Story = record.Story.Trim() };
        body.Forces.AddRange(record.Forces.Select(f => new StoryForce { Direction = f.Direction, Text = f.Text.Trim() }));
        body.Partners.AddRange(record.Partners.Select(p => new CurvePartner { OrganisationCode = p.OrganisationCode, Role = p.Role.Trim(), Contribution = p.Contribution.Trim() }));
        body.WhatWorks.AddRange(record.WhatWorks.Select(i => new CurveIdea { Kind = i.Kind, Text = i.Text.Trim(), Evidence = i.Evidence.Trim() }));
        row.Body = JsonFormatter.Default.Format(body);
        row.HeldOn = heldOn;
        row.QaActivityId = record.QaActivityId;
        row.Etag = Guid.NewGuid().ToString("N");
        row.UpdatedAt = now;
        row.UpdatedBy = caller.UserId;
    }

    internal static TurningTheCurve ToProto(CurveRow row)
    {
        var record = Parser.Parse<TurningTheCurve>(row.Body);
        record.Id = row.Id;
        record.OrganisationCode = row.OrganisationCode;
        record.MeasureId = row.MeasureId;
        record.HeldOn = row.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        record.QaActivityId = row.QaActivityId;
        record.Etag = row.Etag;
        record.CreatedAt = Timestamp.FromDateTime(row.CreatedAt);
        record.UpdatedAt = Timestamp.FromDateTime(row.UpdatedAt);
        record.UpdatedBy = row.UpdatedBy;
        return record;
    }

    private async Task<CurveRow> FindAsync(string id, string field, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out _))
        {
            throw RpcErrors.InvalidArgument(field, "must be the id of a Turning the Curve record");
        }

        return await db.CurveRecords.FindAsync([id], cancellationToken) ?? throw RpcErrors.NotFound("Turning the Curve record", id);
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static global::Grpc.Core.RpcException Stale(string id) =>
        RpcErrors.FailedPrecondition("STALE_ETAG", "Turning the Curve record " + id, "The record changed since it was read; read it again and retry.");
}
