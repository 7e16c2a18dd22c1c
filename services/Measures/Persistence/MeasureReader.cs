using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Application;
using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Persistence;

/// <summary>Reads measures: heads, whole histories, and catalogs of several measures for one operation.</summary>
public sealed class MeasureReader(MeasuresDbContext db)
{
    public Task<MeasureRow?> HeadAsync(string measureId, CancellationToken cancellationToken) =>
        db.Measures.AsNoTracking().FirstOrDefaultAsync(m => m.MeasureId == measureId, cancellationToken);

    public async Task<(MeasureRow Head, MeasureHistory History, IReadOnlyList<MeasureRevisionRow> Rows)?> HistoryAsync(string measureId, CancellationToken cancellationToken)
    {
        var head = await HeadAsync(measureId, cancellationToken);
        if (head is null)
        {
            return null;
        }

        var rows = await db.MeasureRevisions.AsNoTracking()
            .Where(r => r.MeasureId == measureId)
            .OrderBy(r => r.Version).ThenBy(r => r.Revision)
            .ToListAsync(cancellationToken);
        return (head, MeasureHistory.Restore([.. rows.Select(MeasureRevisions.ToDomain)]), rows);
    }

    public async Task<MeasureView?> ViewAsync(string measureId, int version, bool includeHistory, CancellationToken cancellationToken)
    {
        if (await HistoryAsync(measureId, cancellationToken) is not { } found)
        {
            return null;
        }

        var current = version == 0 ? found.History.Current : found.History.Find(version);
        if (current is null)
        {
            return null;
        }

        IReadOnlyList<MeasureRevisionView>? history = includeHistory
            ? [.. found.Rows.Select(r => new MeasureRevisionView(MeasureRevisions.ToDomain(r), MeasureRevisions.ChangeKind(r), MeasureRevisions.ChangedFields(r)))]
            : null;
        return View(found.Head, current, history);
    }

    /// <summary>The histories of the given measures (those that exist).</summary>
    public async Task<LoadedMeasureCatalog> CatalogAsync(IEnumerable<string> measureIds, CancellationToken cancellationToken)
    {
        var ids = measureIds.Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.MeasureRevisions.AsNoTracking()
            .Where(r => ids.Contains(r.MeasureId))
            .OrderBy(r => r.MeasureId).ThenBy(r => r.Version).ThenBy(r => r.Revision)
            .ToListAsync(cancellationToken);
        return new LoadedMeasureCatalog(rows.GroupBy(r => r.MeasureId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => MeasureHistory.Restore([.. g.Select(MeasureRevisions.ToDomain)]), StringComparer.Ordinal));
    }

    /// <summary>A page of current measures in id order, filtered.</summary>
    public async Task<Page<MeasureView>> ListAsync(MeasureFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Measures.AsNoTracking().AsQueryable();
        if (filter.ContentAreaId is { } area)
        {
            query = query.Where(m => m.ContentAreaId == area);
        }

        if (filter.Type is { } type)
        {
            var wire = WireNames.ToWire(type);
            query = query.Where(m => m.Type == wire);
        }

        if (filter.Source is { } source)
        {
            var wire = WireNames.ToWire(source);
            query = query.Where(m => m.Source == wire);
        }

        if (!filter.IncludeRetired)
        {
            query = query.Where(m => m.RetiredAt == null);
        }

        if (page.After is { } after)
        {
            query = query.Where(m => string.Compare(m.MeasureId, after) > 0);
        }

        var heads = await query.OrderBy(m => m.MeasureId).Take(page.Size + 1).ToListAsync(cancellationToken);
        var shown = heads.Take(page.Size).ToList();
        var keys = shown.Select(h => new { h.MeasureId, h.CurrentVersion, h.CurrentRevision }).ToList();
        var ids = keys.Select(k => k.MeasureId).ToList();
        var revisions = await db.MeasureRevisions.AsNoTracking().Where(r => ids.Contains(r.MeasureId)).ToListAsync(cancellationToken);
        var current = revisions
            .Where(r => shown.Any(h => h.MeasureId == r.MeasureId && h.CurrentVersion == r.Version && h.CurrentRevision == r.Revision))
            .ToDictionary(r => r.MeasureId, StringComparer.Ordinal);
        var views = shown.Select(h => View(h, MeasureRevisions.ToDomain(current[h.MeasureId]), null)).ToList();
        return new Page<MeasureView>(views, heads.Count > page.Size ? shown[^1].MeasureId : null);
    }

    public static MeasureView View(MeasureRow head, MeasureVersion current, IReadOnlyList<MeasureRevisionView>? history) =>
        new(current, head.LibraryMeasureId, head.OwnerOrganisation, head.RetiredAt, head.RetiredReason, history);
}

/// <summary>ListMeasures filters; null means any.</summary>
public sealed record MeasureFilter(string? ContentAreaId, InformationType? Type, Source? Source, bool IncludeRetired);
