using Safeguarding.Reporting.Grpc;
using Safeguarding.Reporting.Persistence;

namespace Safeguarding.Reporting.SignOff;

/// <summary>Records every export of a report (DESIGN §4: who, what, when).</summary>
internal sealed class ExportAudit(ReportingDbContext db, TimeProvider time)
{
    public async Task RecordAsync(ReportRow report, string format, Actor caller, CancellationToken cancellationToken)
    {
        db.Add(new ReportExportRow { ReportId = report.Id, Format = format, UserId = caller.UserId, At = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
    }
}
