using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Events;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Events;
using Safeguarding.Reporting.Events.V1;
using Safeguarding.Reporting.Grpc;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.Rendering;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.SignOff;

/// <summary>
/// Moves reports along the sign-off path. Publishing stamps the document (publication date, version 1.0),
/// stores that snapshot and the HTML rendered from it with their SHA-256, and writes ReportPublished to the
/// outbox in the same transaction.
/// </summary>
internal sealed class SignOffWorkflow(
    ReportingDbContext db, ReportStore store, IEventOutbox outbox, IReportRenderer renderer, TimeProvider time, ILogger<SignOffWorkflow> logger)
{
    public Task<ReportRow> SubmitAsync(string id, Actor caller, CancellationToken cancellationToken) =>
        MoveAsync(id, ReportStatus.Submitted, caller, null, cancellationToken);

    public Task<ReportRow> ApproveAsync(string id, Actor caller, CancellationToken cancellationToken) =>
        MoveAsync(id, ReportStatus.Approved, caller, null, cancellationToken);

    public Task<ReportRow> PublishAsync(string id, Actor caller, CancellationToken cancellationToken) =>
        MoveAsync(id, ReportStatus.Published, caller, Publish, cancellationToken);

    private async Task<ReportRow> MoveAsync(string id, ReportStatus to, Actor caller, Action<ReportRow, DateTimeOffset>? effect, CancellationToken cancellationToken)
    {
        var report = await store.GetAsync(id, cancellationToken);
        SignOffRules.Check(report, to, caller);
        var now = time.GetUtcNow();
        var from = report.Status;
        report.Transitions.Add(new ReportTransitionRow
        {
            ReportId = report.Id,
            Seq = report.Transitions.Count + 1,
            From = from,
            To = to,
            UserId = caller.UserId,
            At = now.UtcDateTime,
        });
        report.Status = to;
        report.Stamp = Guid.NewGuid().ToString("N");
        effect?.Invoke(report, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || Platform.Persistence.DatabaseErrors.IsUniqueViolation(ex))
        {
            throw RpcErrors.FailedPrecondition("REPORT_STATUS", "report " + id, "The report changed while this step was being taken; read it again.");
        }

        ReportingLog.Transitioned(logger, report.Id, from.ToString(), to.ToString());
        return report;
    }

    private void Publish(ReportRow report, DateTimeOffset now)
    {
        var document = DocumentSnapshot.Deserialize(report.Kind, report.Snapshot) with
        {
            PublishedOn = DateOnly.FromDateTime(now.UtcDateTime),
            Version = ReportVersions.Published,
        };
        report.Snapshot = DocumentSnapshot.Serialize(document);
        report.SnapshotSha256 = DocumentSnapshot.Sha256(report.Snapshot);
        report.Version = document.Version;
        report.Html = ReportFiles.RenderHtml(renderer, document);
        report.HtmlSha256 = DocumentSnapshot.Sha256(report.Html);
        outbox.Add(db, ReportingTopics.ReportPublished, new ReportPublished
        {
            ReportId = report.Id,
            OrganisationCode = report.OrganisationCode,
            Kind = report.Kind,
            PeriodCode = report.PeriodCode,
            Title = report.Title,
            Version = report.Version,
            HtmlSha256 = report.HtmlSha256,
            SnapshotSha256 = report.SnapshotSha256,
            PublishedAt = Timestamp.FromDateTimeOffset(now),
        }, report.OrganisationCode);
        ReportingTelemetry.ReportsPublished.Add(1, new KeyValuePair<string, object?>("kind", report.Kind.ToString()));
    }
}
