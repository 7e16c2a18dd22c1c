using Safeguarding.Reporting.Documents;
using Safeguarding.Reporting.ReadModels;
using M = Safeguarding.Measures.V1;

namespace Safeguarding.Reporting.Assembly;

/// <summary>
/// A partnership's figure from its member agencies', for measures the partnership does not record itself:
/// counts add up, fractions add numerators and denominators (same measure version only). A period counts
/// only when every member that records the measure has a figure for it; otherwise it is "not available".
/// </summary>
internal static class MemberAggregation
{
    public const string ObservationId = "combined-from-members";

    public static IEnumerable<ObservationRow> Combine(string organisationCode, IReadOnlyList<string> members, IReadOnlyList<ObservationRow> rows, MeasureUnit unit)
    {
        var reporting = rows.Select(r => r.OrganisationCode).Where(members.Contains).ToHashSet(StringComparer.Ordinal);
        foreach (var period in rows.GroupBy(r => (r.PeriodCode, r.PeriodStart, r.PeriodMonths)).OrderBy(g => g.Key.PeriodStart).ThenBy(g => g.Key.PeriodMonths))
        {
            var first = period.First();
            var combined = new ObservationRow
            {
                Key = ObservationRow.KeyOf(organisationCode, first.MeasureId, first.MeasureVersion, first.PeriodCode, ""),
                OrganisationCode = organisationCode,
                MeasureId = first.MeasureId,
                MeasureVersion = first.MeasureVersion,
                PeriodCode = first.PeriodCode,
                PeriodStart = first.PeriodStart,
                PeriodMonths = first.PeriodMonths,
                ObservationId = ObservationId,
                State = M.ObservationState.NotAvailable,
            };
            var parts = period.Where(r => reporting.Contains(r.OrganisationCode)).ToList();

            // Where every member's figure came the same way (all from case audits, say), so did the combined one:
            // the partnership's report can then say which of its figures are audit or survey evidence.
            if (parts.Count > 0 && parts.TrueForAll(p => p.ProvenanceKind == parts[0].ProvenanceKind))
            {
                combined.ProvenanceKind = parts[0].ProvenanceKind;
            }

            if (parts.Count < reporting.Count)
            {
                combined.Reason = "not every member organisation has a figure for the period";
            }
            else if (parts.Any(p => p.State == M.ObservationState.Suppressed))
            {
                combined.State = M.ObservationState.Suppressed;
                combined.Reason = "includes a withheld member figure";
            }
            else if (parts.Any(p => p.State != M.ObservationState.Value))
            {
                combined.Reason = "a member organisation has no figure for the period";
            }
            else if (unit == MeasureUnit.Count && parts.TrueForAll(p => (p.Amount ?? p.Numerator) is not null))
            {
                combined.State = M.ObservationState.Value;
                combined.Amount = parts.Sum(p => (p.Amount ?? p.Numerator)!.Value);
            }
            else if (unit != MeasureUnit.Count && parts.TrueForAll(p => p.Numerator is not null && p.Denominator is not null))
            {
                combined.State = M.ObservationState.Value;
                combined.Numerator = parts.Sum(p => p.Numerator!.Value);
                combined.Denominator = parts.Sum(p => p.Denominator!.Value);
            }
            else
            {
                combined.Reason = "member figures were published without the counts needed to combine them";
            }

            yield return combined;
        }
    }
}
