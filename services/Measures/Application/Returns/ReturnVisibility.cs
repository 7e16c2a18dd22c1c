using Microsoft.EntityFrameworkCore;
using Safeguarding.Measures.Datasets;
using Safeguarding.Measures.Domain;
using Safeguarding.Measures.Organisations;
using Safeguarding.Measures.Persistence;

namespace Safeguarding.Measures.Application.Returns;

/// <summary>
/// Who outside an organisation sees its figures under a dataset (docs/adr/0018-returns-approval-and-visibility.md):
/// the partnership above it once the return is submitted (so it can approve it), the region once accepted, anyone else
/// once approved. Figures under no dataset, and published reference geography, are not held back; nor is anything for
/// the organisation itself or a platform job.
/// </summary>
public sealed class ReturnVisibility(MeasuresDbContext db, DatasetCatalog datasets, OrganisationRegistry organisations, ReturnHierarchy hierarchy)
{
    /// <summary>Whether a figure of this organisation, measure and period may be shown to the caller.</summary>
    public delegate bool Rule(string organisationCode, string measureId, Period period);

    /// <summary>
    /// The figures of <paramref name="organisationCodes"/> the viewer may see. Everything computed for a caller (series,
    /// totals, balance) starts from this, so nothing derived from a held-back figure (a change, a total) leaves either.
    /// </summary>
    public async Task<IReadOnlyList<Observation>> VisibleAsync(ReturnViewer viewer, IReadOnlyCollection<string> organisationCodes, IReadOnlyList<Observation> figures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(figures);
        var visible = await ForAsync(viewer.OrganisationCode, viewer.Unrestricted, organisationCodes, cancellationToken);
        return visible is null ? figures : [.. figures.Where(o => visible(o.OrganisationCode, o.Measure.MeasureId, o.Period))];
    }

    /// <summary>The rule for a caller of <paramref name="callerOrganisation"/> reading <paramref name="organisationCodes"/>; null when nothing is held back.</summary>
    public async Task<Rule?> ForAsync(string? callerOrganisation, bool unrestricted, IReadOnlyCollection<string> organisationCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisationCodes);
        if (unrestricted || datasets.All.Count == 0)
        {
            return null;
        }

        var outside = organisationCodes
            .Select(organisations.Find)
            .Where(o => o is { Kind: OrganisationKind.Agency or OrganisationKind.Partnership } && !string.Equals(o.Code, callerOrganisation, StringComparison.OrdinalIgnoreCase))
            .Select(o => o!)
            .ToDictionary(o => o.Code, StringComparer.OrdinalIgnoreCase);
        if (outside.Count == 0)
        {
            return null;
        }

        var codes = outside.Keys.ToList();
        var states = (await db.Returns.AsNoTracking().Where(r => codes.Contains(r.OrganisationCode)).Select(r => new { r.OrganisationCode, r.DatasetId, r.PeriodCode, r.State }).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.OrganisationCode.ToUpperInvariant(), r.DatasetId, r.PeriodCode), r => WireNames.TryParse<ReturnState>(r.State, out var s) ? s : ReturnState.Open);
        var datasetMeasures = datasets.All.SelectMany(d => d.Measures).Distinct(StringComparer.Ordinal).ToList();
        var libraryOf = (await db.Measures.AsNoTracking()
                .Where(m => datasetMeasures.Contains(m.MeasureId) || (m.LibraryMeasureId != null && datasetMeasures.Contains(m.LibraryMeasureId)))
                .Select(m => new { m.MeasureId, m.LibraryMeasureId })
                .ToListAsync(cancellationToken))
            .ToDictionary(m => m.MeasureId, m => m.LibraryMeasureId, StringComparer.Ordinal);
        var caller = organisations.Find(callerOrganisation);

        return (organisationCode, measureId, period) =>
        {
            if (!outside.TryGetValue(organisationCode, out var organisation) || !libraryOf.TryGetValue(measureId, out var libraryId))
            {
                return true;
            }

            foreach (var dataset in datasets.All)
            {
                if (!dataset.Covers(measureId, libraryId) || dataset.ReturnPeriodOf(period) is not { } returnPeriod)
                {
                    continue;
                }

                var state = states.GetValueOrDefault((organisation.Code.ToUpperInvariant(), dataset.Id, returnPeriod.Code), ReturnState.Open);
                if (!VisibleTo(caller, organisation, state))
                {
                    return false;
                }
            }

            return true;
        };
    }

    private bool VisibleTo(Organisation? caller, Organisation organisation, ReturnState state) => caller switch
    {
        { Kind: OrganisationKind.Region } => state == ReturnState.Accepted,
        { Kind: OrganisationKind.Partnership } when hierarchy.IsSameOrBelow(organisation, caller.Code) => state is ReturnState.Submitted or ReturnState.Approved or ReturnState.Accepted,
        _ => state.IsLocked(),
    };
}
