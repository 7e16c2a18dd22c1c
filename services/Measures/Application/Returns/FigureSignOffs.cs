using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Datasets;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Persistence;

namespace Safeguarding.Measures.Application.Returns;

/// <summary>A return holding some of a list's figures, where it stands, and how many of those figures the reader may not see.</summary>
public sealed record FigureReturn(string OrganisationCode, string DatasetId, Period Period, ReturnState State, int HeldBack);

/// <summary>A figure of a list, by where it is, and whether it is held back from the reader.</summary>
public readonly record struct ListedFigure(string OrganisationCode, Period Period, bool HeldBack);

/// <summary>Where a measure's figures stand in sign-off: the datasets holding it (none: no sign-off) and the returns holding the figures.</summary>
public sealed record FigureSignOff(IReadOnlyList<string> DatasetIds, IReadOnlyList<FigureReturn> Returns)
{
    public static readonly FigureSignOff None = new([], []);
}

/// <summary>
/// The sign-off of one measure's figures, so a reader across organisations (the gateway's fan-out) can say per
/// organisation whether its figures are approved, pending or missing (issue 17) without a call per return: the
/// datasets holding the measure (by id or by the library measure it was defined from) and, for each figure, the return
/// of each such dataset holding its period (open when never acted on). Two small indexed reads, none when the
/// measure is in no dataset.
/// </summary>
public sealed class FigureSignOffs(MeasuresDbContext db, DatasetCatalog datasets)
{
    public async Task<FigureSignOff> ForAsync(string measureId, IReadOnlyCollection<ListedFigure> figures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (datasets.All.Count == 0)
        {
            return FigureSignOff.None;
        }

        var libraryId = await db.Measures.AsNoTracking().Where(m => m.MeasureId == measureId).Select(m => m.LibraryMeasureId).FirstOrDefaultAsync(cancellationToken);
        var holding = datasets.All.Where(d => d.Covers(measureId, libraryId)).ToList();
        if (holding.Count == 0)
        {
            return FigureSignOff.None;
        }

        var held = figures
            .SelectMany(f => holding.Select(d => (Key: (Organisation: f.OrganisationCode, Dataset: d.Id, Period: d.ReturnPeriodOf(f.Period)), f.HeldBack)))
            .Where(k => k.Key.Period is not null)
            .GroupBy(k => (k.Key.Organisation, k.Key.Dataset, Period: k.Key.Period!))
            .ToDictionary(g => g.Key, g => g.Count(k => k.HeldBack));
        var keys = held.Keys.ToList();
        var codes = keys.Select(k => k.Organisation).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var datasetIds = holding.Select(d => d.Id).ToList();
        var states = keys.Count == 0
            ? []
            : (await db.Returns.AsNoTracking()
                    .Where(r => codes.Contains(r.OrganisationCode) && datasetIds.Contains(r.DatasetId))
                    .Select(r => new { r.OrganisationCode, r.DatasetId, r.PeriodCode, r.State })
                    .ToListAsync(cancellationToken))
                .ToDictionary(
                    r => (r.OrganisationCode.ToUpperInvariant(), r.DatasetId, r.PeriodCode),
                    r => WireNames.TryParse<ReturnState>(r.State, out var state) ? state : ReturnState.Open);
        var returns = keys
            .OrderBy(k => k.Organisation, StringComparer.Ordinal).ThenBy(k => k.Dataset, StringComparer.Ordinal).ThenBy(k => k.Period.Start)
            .Select(k => new FigureReturn(k.Organisation, k.Dataset, k.Period, states.GetValueOrDefault((k.Organisation.ToUpperInvariant(), k.Dataset, k.Period.Code), ReturnState.Open), held[k]))
            .ToList();
        return new FigureSignOff(datasetIds, returns);
    }
}
