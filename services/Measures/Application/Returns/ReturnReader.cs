using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Datasets;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Persistence;

namespace Safeguarding.Measures.Application.Returns;

/// <summary>Reads returns; a return without a row is open and due by its dataset's rule.</summary>
public sealed class ReturnReader(MeasuresDbContext db)
{
    public async Task<StoredReturn> GetAsync(Dataset dataset, ReturnKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(key);
        var row = await db.Returns.AsNoTracking()
            .FirstOrDefaultAsync(r => r.OrganisationCode == key.OrganisationCode && r.DatasetId == key.DatasetId && r.PeriodCode == key.Period.Code, cancellationToken);
        return row is null ? StoredReturn.Untouched(key, dataset.DueOn(key.Period)) : ToStored(key, row);
    }

    /// <summary>The returns of <paramref name="organisationCodes"/> for one dataset and period, in the order asked.</summary>
    public async Task<IReadOnlyList<StoredReturn>> ListAsync(Dataset dataset, Period period, IReadOnlyList<string> organisationCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(organisationCodes);
        var rows = await db.Returns.AsNoTracking()
            .Where(r => r.DatasetId == dataset.Id && r.PeriodCode == period.Code && organisationCodes.Contains(r.OrganisationCode))
            .ToDictionaryAsync(r => r.OrganisationCode, StringComparer.OrdinalIgnoreCase, cancellationToken);
        return [.. organisationCodes.Select(code =>
        {
            var key = new ReturnKey(code, dataset.Id, period);
            return rows.TryGetValue(code, out var row) ? ToStored(key, row) : StoredReturn.Untouched(key, dataset.DueOn(period));
        })];
    }

    internal static StoredReturn ToStored(ReturnKey key, ReturnRow row) => new(
        key,
        WireNames.TryParse<ReturnState>(row.State, out var state) ? state : ReturnState.Open,
        row.DueOn,
        row.SubmittedAt,
        row.SubmittedBy,
        row.ApprovedAt,
        row.ApprovedBy,
        row.AcceptedAt,
        row.AcceptedBy,
        row.Reason,
        row.ChangedAt,
        row.ChangedBy);
}
