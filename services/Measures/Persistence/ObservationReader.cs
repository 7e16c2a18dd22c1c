using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Application;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Organisations;

namespace Safeguarding.Measures.Persistence;

/// <summary>Reads observations: by id, the current one of a key, filtered pages and the current figures behind computations.</summary>
public sealed class ObservationReader(MeasuresDbContext db, OrganisationRegistry registry)
{
    public async Task<StoredObservation?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Observations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is { } row ? Stored(row) : null;

    public async Task<StoredObservation?> CurrentAsync(ObservationKey key, CancellationToken cancellationToken)
    {
        var start = key.Period.Start;
        var months = key.Period.Months;
        var breakdown = key.Breakdown.Key;
        var row = await db.Observations.AsNoTracking().FirstOrDefaultAsync(
            o => o.MeasureId == key.Measure.MeasureId && o.OrganisationCode == key.OrganisationCode && o.PeriodStart == start
                && o.PeriodMonths == months && o.MeasureVersion == key.Measure.Version && o.BreakdownKey == breakdown && o.SupersededBy == null,
            cancellationToken);
        return row is null ? null : Stored(row);
    }

    public async Task<Page<StoredObservation>> ListAsync(ObservationFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var query = Filtered(filter);
        if (page.After is { } after)
        {
            var seq = long.Parse(after, System.Globalization.CultureInfo.InvariantCulture);
            query = query.Where(o => o.Seq > seq);
        }

        var rows = await query.OrderBy(o => o.Seq).Take(page.Size + 1).ToListAsync(cancellationToken);
        var shown = rows.Take(page.Size).Select(Stored).ToList();
        return new Page<StoredObservation>(shown, rows.Count > page.Size ? shown[^1].Seq.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    /// <summary>Current observations matching the filter (every version unless it names one), for computations.</summary>
    public async Task<IReadOnlyList<Observation>> CurrentAsync(ObservationFilter filter, CancellationToken cancellationToken)
    {
        var rows = await Filtered(filter with { IncludeSuperseded = false }).ToListAsync(cancellationToken);
        return [.. rows.Select(ObservationRows.ToDomain)];
    }

    private IQueryable<ObservationRow> Filtered(ObservationFilter filter)
    {
        var query = db.Observations.AsNoTracking().AsQueryable();
        if (filter.MeasureId is { } measure)
        {
            query = query.Where(o => o.MeasureId == measure);
        }

        if (filter.OrganisationCodes is { Count: > 0 } asked)
        {
            // Codes are compared ignoring case (the gateway may pass a token's spelling); rows hold the registry's.
            var organisations = asked.Select(code => registry.Find(code)?.Code ?? code).ToList();
            query = organisations.Count == 1
                ? query.Where(o => o.OrganisationCode == organisations[0])
                : query.Where(o => organisations.Contains(o.OrganisationCode));
        }

        if (filter.MeasureVersion is { } version)
        {
            query = query.Where(o => o.MeasureVersion == version);
        }

        if (filter.From is { } from)
        {
            query = query.Where(o => o.PeriodStart >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(o => o.PeriodStart <= to);
        }

        if (filter.BreakdownKey is { } breakdown)
        {
            query = query.Where(o => o.BreakdownKey == breakdown);
        }

        if (filter.PeriodMonths is { } months)
        {
            query = query.Where(o => o.PeriodMonths == months);
        }

        if (!filter.IncludeSuperseded)
        {
            query = query.Where(o => o.SupersededBy == null);
        }

        return query;
    }

    private static StoredObservation Stored(ObservationRow row) => new(ObservationRows.ToDomain(row), row.SupersededBy, row.Seq);
}

/// <summary>Observation filters; null means any. <see cref="From"/> and <see cref="To"/> bound period starts.</summary>
public sealed record ObservationFilter(
    string? MeasureId = null,
    IReadOnlyList<string>? OrganisationCodes = null,
    int? MeasureVersion = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? BreakdownKey = null,
    bool IncludeSuperseded = false,
    int? PeriodMonths = null);
