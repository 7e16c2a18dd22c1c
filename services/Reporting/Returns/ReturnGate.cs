using Microsoft.EntityFrameworkCore;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.Persistence;
using Safeguarding.Reporting.ReadModels;
using Safeguarding.Reporting.V1;
using M = Safeguarding.Measures.V1;

namespace Safeguarding.Reporting.Returns;

/// <summary>
/// Holds back, from a report for one organisation, the figures of other organisations whose return for the figure's
/// dataset and period is not in a state the report's organisation may see (<see cref="ReturnVisibilityRule"/>), and
/// says which returns it held back. A held-back figure becomes "not available" with the reason, never a value: a
/// partnership's total combined from its agencies is then not available for that period either, rather than a partial sum.
/// </summary>
internal sealed class ReturnGate(ReportingDbContext db, ProfileStore profiles, DatasetCatalogue datasets, Microsoft.Extensions.Options.IOptions<ReportingOptions> options)
{
    /// <summary>Filters <paramref name="rows"/> (any organisations') for a report of <paramref name="viewer"/>.</summary>
    public async Task<GatedRows> ApplyAsync(ReportingProfile viewer, IReadOnlyList<ObservationRow> rows, CancellationToken cancellationToken)
    {
        var outside = rows.Select(r => r.OrganisationCode).Where(c => c != viewer.OrganisationCode).Distinct(StringComparer.Ordinal).ToList();
        if (outside.Count == 0 || datasets.All.Count == 0)
        {
            return new GatedRows(rows, []);
        }

        var inForce = await ReturnsInForce.LoadAsync(db, options.Value.Returns.HoldBackBeforeFirstReturn, cancellationToken);
        var returns = await db.Returns.AsNoTracking().Where(r => outside.Contains(r.OrganisationCode)).ToListAsync(cancellationToken);
        var owners = await OwnersAsync(outside, returns, cancellationToken);
        var measureIds = rows.Where(r => owners.ContainsKey(r.OrganisationCode)).Select(r => r.MeasureId).Distinct(StringComparer.Ordinal).ToList();
        var libraryOf = (await db.MeasureVersions.AsNoTracking().Where(m => measureIds.Contains(m.MeasureId))
                .Select(m => new { m.MeasureId, m.LibraryMeasureId }).ToListAsync(cancellationToken))
            .GroupBy(m => m.MeasureId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.LibraryMeasureId).FirstOrDefault(l => l.Length > 0) ?? "", StringComparer.Ordinal);
        var states = returns.ToDictionary(r => (r.OrganisationCode, r.DatasetId, r.PeriodCode), r => r.State);
        var reader = new ReturnViewer(viewer.OrganisationCode, viewer.Kind);

        var kept = new List<ObservationRow>(rows.Count);
        var heldBack = new Dictionary<(string, string), HeldBackReturn>();
        foreach (var row in rows)
        {
            if (!owners.TryGetValue(row.OrganisationCode, out var owner) || !libraryOf.TryGetValue(row.MeasureId, out var library)
                || !PeriodSpan.TryParse(row.PeriodCode, out var period))
            {
                kept.Add(row);
                continue;
            }

            HeldBackReturn? hold = null;
            foreach (var dataset in datasets.All)
            {
                if (!dataset.Covers(row.MeasureId, library) || dataset.ReturnPeriodOf(period) is not { } returnPeriod || !inForce.Covers(dataset, returnPeriod))
                {
                    continue;
                }

                var state = states.GetValueOrDefault((owner.Code, dataset.Id, returnPeriod.Code), ReturnState.Open);
                if (!ReturnVisibilityRule.Visible(reader, owner, state))
                {
                    hold = new HeldBackReturn(owner.Code, owner.Name, dataset.Title, returnPeriod, state, ReturnVisibilityRule.Wording(reader, owner, state));
                    break;
                }
            }

            if (hold is null)
            {
                kept.Add(row);
                continue;
            }

            heldBack.TryAdd((hold.OrganisationCode, hold.Period.Code), hold);
            kept.Add(Withheld(row, hold));
        }

        return new GatedRows(kept, [.. heldBack.Values.OrderBy(h => h.Period.Start).ThenBy(h => h.OrganisationName, StringComparer.Ordinal)]);
    }

    // Agencies and partnerships return; a region's own figures, and reference geography (England, published neighbours,
    // which have no profile and no returns), are never held back.
    private async Task<Dictionary<string, ReturnOwner>> OwnersAsync(List<string> codes, List<ReturnRow> returns, CancellationToken cancellationToken)
    {
        var known = await profiles.FindAllAsync(codes, cancellationToken);
        var withReturns = returns.Select(r => r.OrganisationCode).ToHashSet(StringComparer.Ordinal);
        var owners = new Dictionary<string, ReturnOwner>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            if (known.TryGetValue(code, out var profile))
            {
                if (profile.Kind is OrganisationKind.Agency or OrganisationKind.Partnership)
                {
                    owners[code] = new ReturnOwner(code, profile.Name.Length > 0 ? profile.Name : code, profile.ParentCode);
                }
            }
            else if (withReturns.Contains(code))
            {
                owners[code] = new ReturnOwner(code, code, "");
            }
        }

        return owners;
    }

    private static ObservationRow Withheld(ObservationRow row, HeldBackReturn hold) => new()
    {
        Key = row.Key,
        OrganisationCode = row.OrganisationCode,
        MeasureId = row.MeasureId,
        MeasureVersion = row.MeasureVersion,
        PeriodCode = row.PeriodCode,
        PeriodStart = row.PeriodStart,
        PeriodMonths = row.PeriodMonths,
        BreakdownKey = row.BreakdownKey,
        ObservationId = row.ObservationId,
        State = M.ObservationState.NotAvailable,
        Reason = "its return " + hold.Wording,
        ProvenanceKind = row.ProvenanceKind,
        RecordedAt = row.RecordedAt,
    };
}

/// <summary>The rows a report may use (held-back figures as "not available") and the returns held back.</summary>
internal sealed record GatedRows(IReadOnlyList<ObservationRow> Rows, IReadOnlyList<HeldBackReturn> HeldBack);

/// <summary>A return whose figures a report leaves out, and why.</summary>
internal sealed record HeldBackReturn(string OrganisationCode, string OrganisationName, string DatasetTitle, PeriodSpan Period, ReturnState State, string Wording)
{
    /// <summary>"Northbridge Police's return for January to March 2026 is not yet submitted: its figures are not included."</summary>
    public string Sentence => OrganisationName + "'s return for " + PeriodWords(Period) + " " + Wording + ": its figures are not included.";

    /// <summary>"January to March 2026"; "December 2025 to February 2026" across a year; "April 2025 to March 2026".</summary>
    public static string PeriodWords(PeriodSpan period) => period.Months == 1 || period.Start.Year != period.End.Year
        ? period.LongLabel
        : period.Start.ToString("MMMM", System.Globalization.CultureInfo.InvariantCulture) + " to " + period.End.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
