using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Datasets;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Persistence;

namespace Safeguarding.Measures.Application.Returns;

/// <summary>A stored violation.</summary>
public sealed record StoredViolation(long Id, ReturnKey Key, string RuleId, string Subject, bool Blocking, string Message, ViolationStatus Status, string? Reason, string? ResolvedBy, DateTime? ResolvedAt, DateTime FoundAt);

/// <summary>
/// Stores what ReturnValidator finds and tracks it to resolution, with no cap on how many: a violation found again
/// keeps its status (an explanation stands while the figures do), a new one is open, one no longer found is corrected.
/// </summary>
public sealed class ReturnViolations(MeasuresDbContext db, ReturnValidator validator, TimeProvider time)
{
    /// <summary>Validates the return now and stores the outcome; returns its violations still open or resolved by a person.</summary>
    public async Task<IReadOnlyList<StoredViolation>> ValidateAsync(Dataset dataset, ReturnKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(key);
        var found = await validator.FindAsync(dataset, key, cancellationToken);
        var stored = await Of(key).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var corrected = WireNames.ToWire(ViolationStatus.Corrected);
        var open = WireNames.ToWire(ViolationStatus.Open);
        foreach (var violation in found)
        {
            var row = stored.FirstOrDefault(r => r.RuleId == violation.RuleId && r.Subject == violation.Subject);
            if (row is null)
            {
                db.ReturnViolations.Add(new ReturnViolationRow
                {
                    OrganisationCode = key.OrganisationCode,
                    DatasetId = key.DatasetId,
                    PeriodCode = key.Period.Code,
                    RuleId = violation.RuleId,
                    Subject = violation.Subject,
                    Blocking = violation.Blocking,
                    Message = violation.Message,
                    Status = open,
                    FoundAt = now,
                });
                continue;
            }

            // Found again: an explanation or acceptance stands while the figures say the same; a corrected one is back.
            if (row.Status == corrected || row.Message != violation.Message)
            {
                row.Status = open;
                row.ResolutionReason = null;
                row.ResolvedBy = null;
                row.ResolvedAt = null;
                row.FoundAt = now;
            }

            row.Message = violation.Message;
            row.Blocking = violation.Blocking;
        }

        foreach (var gone in stored.Where(r => r.Status != corrected && !found.Any(f => f.RuleId == r.RuleId && f.Subject == r.Subject)))
        {
            gone.Status = corrected;
            gone.ResolvedAt = now;
            gone.ResolvedBy = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return [.. (await Of(key).AsNoTracking().Where(r => r.Status != corrected).OrderBy(r => r.Seq).ToListAsync(cancellationToken)).Select(r => ToStored(key, r))];
    }

    /// <summary>One page of the return's violations in the order found (every status unless asked), keyset-paged.</summary>
    public async Task<Page<StoredViolation>> ListAsync(ReturnKey key, ViolationStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(page);
        var query = Of(key).AsNoTracking();
        if (status is { } s)
        {
            var wire = WireNames.ToWire(s);
            query = query.Where(r => r.Status == wire);
        }

        if (page.After is { } after)
        {
            var seq = long.Parse(after, System.Globalization.CultureInfo.InvariantCulture);
            query = query.Where(r => r.Seq > seq);
        }

        var rows = await query.OrderBy(r => r.Seq).Take(page.Size + 1).ToListAsync(cancellationToken);
        var shown = rows.Take(page.Size).Select(r => ToStored(key, r)).ToList();
        return new Page<StoredViolation>(shown, rows.Count > page.Size ? shown[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    /// <summary>Explains or accepts a violation, with a reason. A corrected one needs nothing.</summary>
    public async Task<StoredViolation> ResolveAsync(ReturnKey key, long id, ViolationStatus resolution, string reason, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (resolution is not (ViolationStatus.Explained or ViolationStatus.Accepted))
        {
            throw new DomainValidationException("resolution", "must be explained or accepted (a violation is corrected by correcting the figures and validating again)");
        }

        var row = await Of(key).FirstOrDefaultAsync(r => r.Seq == id, cancellationToken)
            ?? throw new ResourceNotFoundException("violation", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (row.Status == WireNames.ToWire(ViolationStatus.Corrected))
        {
            throw new PreconditionFailedException("VIOLATION_CORRECTED", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "the figures were corrected: the violation no longer holds");
        }

        row.Status = WireNames.ToWire(resolution);
        row.ResolutionReason = reason;
        row.ResolvedBy = userId;
        row.ResolvedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return ToStored(key, row);
    }

    private IQueryable<ReturnViolationRow> Of(ReturnKey key) =>
        db.ReturnViolations.Where(r => r.OrganisationCode == key.OrganisationCode && r.DatasetId == key.DatasetId && r.PeriodCode == key.Period.Code);

    private static StoredViolation ToStored(ReturnKey key, ReturnViolationRow row) => new(
        row.Seq, key, row.RuleId, row.Subject, row.Blocking, row.Message,
        WireNames.TryParse<ViolationStatus>(row.Status, out var status) ? status : ViolationStatus.Open,
        row.ResolutionReason, row.ResolvedBy, row.ResolvedAt, row.FoundAt);
}
