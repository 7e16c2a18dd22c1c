using Safeguarding.Measures.V1;

namespace Safeguarding.Reporting.ReadModels;

/// <summary>
/// The current figure for one key: organisation, measure version, period and breakdown. Audits and surveys
/// feed measures, so their figures arrive here too, told apart by <see cref="ProvenanceKind"/>.
/// </summary>
public sealed class ObservationRow
{
    /// <summary>"{organisation}|{measure}|{version}|{period code}|{breakdown key}": one column so a batch can be prefetched with IN.</summary>
    public string Key { get; set; } = "";

    public string OrganisationCode { get; set; } = "";

    public string MeasureId { get; set; } = "";

    public int MeasureVersion { get; set; }

    public string PeriodCode { get; set; } = "";

    public DateOnly PeriodStart { get; set; }

    public int PeriodMonths { get; set; }

    /// <summary>Canonical breakdown ("team=North"); empty for the organisation's total.</summary>
    public string BreakdownKey { get; set; } = "";

    public string ObservationId { get; set; } = "";

    public ObservationState State { get; set; }

    public decimal? Numerator { get; set; }

    public decimal? Denominator { get; set; }

    public decimal? Amount { get; set; }

    public string Reason { get; set; } = "";

    public int RoundedToNearest { get; set; }

    public ProvenanceKind ProvenanceKind { get; set; }

    public string ProvenanceReference { get; set; } = "";

    public DateTime? RecordedAt { get; set; }

    public DateOnly PeriodEnd => PeriodStart.AddMonths(PeriodMonths).AddDays(-1);

    public static string KeyOf(string organisation, string measureId, int version, string periodCode, string breakdownKey) =>
        string.Join('|', organisation, measureId, version.ToString(System.Globalization.CultureInfo.InvariantCulture), periodCode, breakdownKey);
}

/// <summary>An observation a later one replaced.</summary>
public sealed class SupersededObservationRow
{
    public string ObservationId { get; set; } = "";

    public string SupersededBy { get; set; } = "";
}
