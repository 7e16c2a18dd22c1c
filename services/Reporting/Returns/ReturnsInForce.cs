using Microsoft.EntityFrameworkCore;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.ReadModels;

namespace Safeguarding.Reporting.Returns;

/// <summary>
/// From which period a dataset's returns are in force (ADR 0024): its first period anyone has a return for. Figures of
/// earlier periods were recorded before the partnership worked with returns, so they are neither held back nor
/// expected as returns, as DHIS2 can leave data older than a threshold out of approval. With
/// <c>Reporting:Returns:HoldBackBeforeFirstReturn</c>, every period of a dataset is in force, as in measures' own reads.
/// </summary>
internal sealed class ReturnsInForce(IReadOnlyDictionary<string, DateOnly> firstStarts, bool always)
{
    public static async Task<ReturnsInForce> LoadAsync(ReportingDbContext db, bool always, CancellationToken cancellationToken)
    {
        var periods = await db.Returns.AsNoTracking().Select(r => new { r.DatasetId, r.PeriodStart }).Distinct().ToListAsync(cancellationToken);
        return new ReturnsInForce(periods.GroupBy(p => p.DatasetId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(p => p.PeriodStart), StringComparer.Ordinal), always);
    }

    /// <summary>Whether returns are expected, and figures held back, for this dataset period.</summary>
    public bool Covers(DatasetDefinition dataset, PeriodSpan returnPeriod) =>
        always || (firstStarts.TryGetValue(dataset.Id, out var first) && returnPeriod.Start >= first);
}
