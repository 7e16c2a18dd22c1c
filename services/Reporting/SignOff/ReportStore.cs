using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.Grpc;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.SignOff;

/// <summary>Stores generated reports with their document snapshots, and reads them back.</summary>
internal sealed class ReportStore(ReportingDbContext db, TimeProvider time)
{
    public async Task<ReportRow> CreateDraftAsync(ReportDocument document, ReportKind kind, string periodCode, Actor caller, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var snapshot = DocumentSnapshot.Serialize(document);
        var row = new ReportRow
        {
            Id = Guid.CreateVersion7(now).ToString(),
            Kind = kind,
            OrganisationCode = document.Organisation.Id,
            PeriodCode = periodCode,
            Title = document.Title,
            Status = ReportStatus.Draft,
            Version = document.Version,
            Snapshot = snapshot,
            SnapshotSha256 = DocumentSnapshot.Sha256(snapshot),
            CreatedAt = now.UtcDateTime,
            CreatedBy = caller.UserId,
            Stamp = Guid.NewGuid().ToString("N"),
        };
        db.Reports.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    public async Task<ReportRow> GetAsync(string id, CancellationToken cancellationToken, string field = "report_id")
    {
        if (!Guid.TryParse(id, out _))
        {
            throw RpcErrors.InvalidArgument(field, "must be the id of a report");
        }

        return await db.Reports.Include(r => r.Transitions).FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw RpcErrors.NotFound("report", id);
    }

    public async Task<ListReportsResponse> ListAsync(ListReportsRequest request, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        TextRules.Code(problems, "organisation_code", request.OrganisationCode);
        if (problems.Count > 0)
        {
            throw RpcErrors.InvalidArgument(problems);
        }

        var size = PageToken.Size(request.PageSize);
        var query = db.Reports.AsNoTracking().Include(r => r.Transitions).Where(r => r.OrganisationCode == request.OrganisationCode);
        if (request.Kind != ReportKind.Unspecified)
        {
            query = query.Where(r => r.Kind == request.Kind);
        }

        if (request.Status != ReportStatus.Unspecified)
        {
            query = query.Where(r => r.Status == request.Status);
        }

        if (PageToken.After(request.PageToken) is { } after)
        {
            query = query.Where(r => string.Compare(r.Id, after) < 0);
        }

        // Metadata only: the snapshot and HTML stay in the database.
        var rows = await query.OrderByDescending(r => r.Id).Take(size + 1)
            .Select(r => new ReportRow
            {
                Id = r.Id, Kind = r.Kind, OrganisationCode = r.OrganisationCode, PeriodCode = r.PeriodCode, Title = r.Title,
                Status = r.Status, Version = r.Version, SnapshotSha256 = r.SnapshotSha256, HtmlSha256 = r.HtmlSha256,
                CreatedAt = r.CreatedAt, CreatedBy = r.CreatedBy, Stamp = r.Stamp, Transitions = r.Transitions,
            })
            .ToListAsync(cancellationToken);
        var response = new ListReportsResponse { NextPageToken = PageToken.Next(rows, size, r => r.Id) };
        response.Reports.AddRange(rows.Select(r => ToProto(r, withDocument: false)));
        return response;
    }

    public static Report ToProto(ReportRow row, bool withDocument)
    {
        var report = new Report
        {
            Id = row.Id,
            Kind = row.Kind,
            OrganisationCode = row.OrganisationCode,
            PeriodCode = row.PeriodCode,
            Title = row.Title,
            Status = row.Status,
            Version = row.Version,
            SnapshotSha256 = row.SnapshotSha256,
            HtmlSha256 = row.HtmlSha256 ?? "",
            CreatedAt = Timestamp.FromDateTime(row.CreatedAt),
            CreatedBy = row.CreatedBy,
            Document = withDocument ? DocumentSnapshot.ToStruct(row.Snapshot) : null,
        };
        report.Transitions.AddRange(row.Transitions.OrderBy(t => t.Seq).Select(t => new ReportTransition
        {
            From = t.From,
            To = t.To,
            UserId = t.UserId,
            At = Timestamp.FromDateTime(t.At),
        }));
        return report;
    }
}
