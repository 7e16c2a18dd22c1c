using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Grpc;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Proposals;

/// <summary>
/// Stores proposals per organisation and quarter. Proposing again refreshes what is still undecided, drops
/// undecided lines the evidence no longer raises, and keeps every accepted, edited or dropped line as the author left it.
/// </summary>
internal sealed class ProposalStore(ReportingDbContext db, TimeProvider time)
{
    public async Task<List<Proposal>> ReplaceAsync(string organisationCode, string periodCode, IReadOnlyList<Candidate> candidates, Actor caller, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.Proposals.Where(p => p.OrganisationCode == organisationCode && p.PeriodCode == periodCode).ToListAsync(cancellationToken);
        var byKey = existing.ToDictionary(p => p.ProposalKey, StringComparer.Ordinal);
        var raised = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            if (!raised.Add(candidate.Key))
            {
                continue;
            }

            if (!byKey.TryGetValue(candidate.Key, out var row))
            {
                row = new ProposalRow { Id = Guid.CreateVersion7(now).ToString(), OrganisationCode = organisationCode, PeriodCode = periodCode, ProposalKey = candidate.Key, Status = (int)ProposalStatus.Proposed };
                db.Proposals.Add(row);
            }

            if (row.Status == (int)ProposalStatus.Proposed || row.Text == row.ProposedText)
            {
                row.Text = candidate.Text;
            }

            row.Kind = (int)candidate.Kind;
            row.Basis = candidate.Basis;
            row.MeasureId = candidate.MeasureId;
            row.ProposedText = candidate.Text;
            row.Position = i;
            row.Etag = Guid.NewGuid().ToString("N");
            row.UpdatedAt = now;
            row.UpdatedBy = caller.UserId;
        }

        db.Proposals.RemoveRange(existing.Where(p => p.Status == (int)ProposalStatus.Proposed && !raised.Contains(p.ProposalKey)));
        await db.SaveChangesAsync(cancellationToken);
        return await ListAsync(organisationCode, periodCode, cancellationToken);
    }

    public async Task<List<Proposal>> ListAsync(string organisationCode, string periodCode, CancellationToken cancellationToken) =>
        [.. (await db.Proposals.AsNoTracking().Where(p => p.OrganisationCode == organisationCode && p.PeriodCode == periodCode).ToListAsync(cancellationToken))
            .OrderBy(p => p.Kind).ThenBy(p => p.Position).ThenBy(p => p.Id, StringComparer.Ordinal).Select(ToProto)];

    /// <summary>The accepted lines of a quarter, in reading order: what the report prints.</summary>
    public async Task<(IReadOnlyList<string> DoingWell, IReadOnlyList<string> FurtherExploration)> AcceptedAsync(
        string organisationCode, string periodCode, CancellationToken cancellationToken)
    {
        var accepted = (await ListAsync(organisationCode, periodCode, cancellationToken)).Where(p => p.Status == ProposalStatus.Accepted).ToList();
        return ([.. accepted.Where(p => p.Kind == ProposalKind.DoingWell).Select(p => p.Text)],
            [.. accepted.Where(p => p.Kind == ProposalKind.FurtherExploration).Select(p => p.Text)]);
    }

    /// <summary>The report with only the author's accepted lines under "doing well" and "further exploration".</summary>
    public async Task<Documents.QuarterlyReport> PrintAcceptedAsync(Documents.QuarterlyReport report, string periodCode, CancellationToken cancellationToken)
    {
        var (doingWell, furtherExploration) = await AcceptedAsync(report.Organisation.Id, periodCode, cancellationToken);
        return report with { Performance = report.Performance with { DoingWell = doingWell, FurtherExploration = furtherExploration } };
    }

    public async Task<Proposal> GetAsync(string id, CancellationToken cancellationToken) => ToProto(await FindAsync(id, cancellationToken));

    public async Task<Proposal> DecideAsync(string id, string etag, ProposalStatus status, string? text, Actor caller, CancellationToken cancellationToken)
    {
        if (text is not null)
        {
            var problems = new List<FieldProblem>();
            TextRules.Text(problems, "text", text, NarrativeRules.MaxShortTextLength);
            if (problems.Count > 0)
            {
                throw RpcErrors.InvalidArgument(problems);
            }
        }

        var row = await FindAsync(id, cancellationToken);
        if (etag.Length > 0 && etag != row.Etag)
        {
            throw Stale(id);
        }

        row.Status = (int)status;
        row.Text = text?.Trim() ?? row.Text;
        row.Etag = Guid.NewGuid().ToString("N");
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        row.UpdatedBy = caller.UserId;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Stale(id);
        }

        return ToProto(row);
    }

    private async Task<ProposalRow> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out _))
        {
            throw RpcErrors.InvalidArgument("id", "must be the id of a proposal");
        }

        return await db.Proposals.FindAsync([id], cancellationToken) ?? throw RpcErrors.NotFound("proposal", id);
    }

    private static global::Grpc.Core.RpcException Stale(string id) =>
        RpcErrors.FailedPrecondition("STALE_ETAG", "proposal " + id, "The proposal changed since it was read; read it again and retry.");

    private static Proposal ToProto(ProposalRow row) => new()
    {
        Id = row.Id,
        OrganisationCode = row.OrganisationCode,
        PeriodCode = row.PeriodCode,
        Kind = (ProposalKind)row.Kind,
        Basis = row.Basis,
        MeasureId = row.MeasureId,
        ProposedText = row.ProposedText,
        Text = row.Text,
        Status = (ProposalStatus)row.Status,
        Etag = row.Etag,
        UpdatedAt = Timestamp.FromDateTime(row.UpdatedAt),
        UpdatedBy = row.UpdatedBy,
    };
}
