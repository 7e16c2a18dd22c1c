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

    /// <summary>
    /// A row as reports read it: every column but the key, which reports never use and which is the longest string of a
    /// row (a Report Book reads about 9,000 rows, and materialising them is most of its reading time).
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<ObservationRow, ObservationRow>> ForReports = r => new ObservationRow
    {
        OrganisationCode = r.OrganisationCode,
        MeasureId = r.MeasureId,
        MeasureVersion = r.MeasureVersion,
        PeriodCode = r.PeriodCode,
        PeriodStart = r.PeriodStart,
        PeriodMonths = r.PeriodMonths,
        BreakdownKey = r.BreakdownKey,
        ObservationId = r.ObservationId,
        State = r.State,
        Numerator = r.Numerator,
        Denominator = r.Denominator,
        Amount = r.Amount,
        Reason = r.Reason,
        RoundedToNearest = r.RoundedToNearest,
        ProvenanceKind = r.ProvenanceKind,
        ProvenanceReference = r.ProvenanceReference,
        RecordedAt = r.RecordedAt,
    };

    public static string KeyOf(string organisation, string measureId, int version, string periodCode, string breakdownKey) =>
        string.Join('|', organisation, measureId, version.ToString(System.Globalization.CultureInfo.InvariantCulture), periodCode, breakdownKey);
}

/// <summary>An observation a later one replaced.</summary>
public sealed class SupersededObservationRow
{
    public string ObservationId { get; set; } = "";

    public string SupersededBy { get; set; } = "";
}
