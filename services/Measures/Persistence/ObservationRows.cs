using Safeguarding.Measures.Domain;

namespace Safeguarding.Measures.Persistence;

/// <summary>Converts observations to stored rows and back; the fingerprint is computed once, by the caller.</summary>
internal static class ObservationRows
{
    public static ObservationRow ToRow(Observation observation, byte[] fingerprint)
    {
        var value = observation.Value;
        var provenance = observation.Provenance;
        return new ObservationRow
        {
            Id = observation.Id,
            OrganisationCode = observation.OrganisationCode,
            MeasureId = observation.Measure.MeasureId,
            MeasureVersion = observation.Measure.Version,
            PeriodCode = observation.Period.Code,
            PeriodStart = observation.Period.Start,
            PeriodMonths = observation.Period.Months,
            BreakdownKey = observation.Breakdown.Key,
            State = WireNames.ToWire(value.State),
            Numerator = value.Numerator,
            Denominator = value.Denominator,
            Amount = value.Amount,
            Reason = value.Reason,
            RoundedToNearest = observation.RoundedToNearest,
            Fingerprint = fingerprint,
            ProvenanceKind = WireNames.ToWire(provenance.Kind),
            ProvenanceFile = provenance.FileName,
            ProvenanceRow = provenance.Row,
            ProvenanceReference = provenance.Reference,
            RecordedBy = provenance.UserId,
            RecordedAt = observation.RecordedAt.UtcDateTime,
            Supersedes = observation.Supersedes,
            CorrectionReason = observation.CorrectionReason,
        };
    }

    public static Observation ToDomain(ObservationRow row) => new()
    {
        Id = row.Id,
        OrganisationCode = row.OrganisationCode,
        Measure = new MeasureVersionRef(row.MeasureId, row.MeasureVersion),
        Period = Period.TryParseCode(row.PeriodCode, out var period) ? period! : throw new InvalidOperationException($"Stored period code '{row.PeriodCode}' is not valid."),
        Breakdown = Breakdown.FromKey(row.BreakdownKey),
        Value = Value(row),
        RoundedToNearest = row.RoundedToNearest,
        Provenance = Provenance(row),
        RecordedAt = new DateTimeOffset(DateTime.SpecifyKind(row.RecordedAt, DateTimeKind.Utc)),
        Supersedes = row.Supersedes,
        CorrectionReason = row.CorrectionReason,
    };

    private static ObservationValue Value(ObservationRow row)
    {
        var state = MeasureRevisions.Parse<ObservationState>(row.State);
        ObservationValue? figure = (row.Numerator, row.Denominator, row.Amount) switch
        {
            ({ } n, { } d, _) => ObservationValue.Proportion(n, d),
            (_, _, { } a) => ObservationValue.Measured(a),
            _ => null,
        };
        return (state, figure) switch
        {
            (ObservationState.Value, { } f) => f,
            (ObservationState.LowReliability, { } f) => f.WithLowReliability(row.Reason ?? "low reliability"),
            _ => ObservationValue.Withheld(state, row.Reason ?? WireNames.ToWire(state)),
        };
    }

    private static Provenance Provenance(ObservationRow row) => MeasureRevisions.Parse<ProvenanceKind>(row.ProvenanceKind) switch
    {
        ProvenanceKind.Import => Domain.Provenance.Import(row.ProvenanceFile ?? "unknown", row.ProvenanceRow ?? 1, row.ProvenanceReference ?? "unknown", row.RecordedBy),
        ProvenanceKind.Audit => Domain.Provenance.Audit(row.ProvenanceReference ?? "unknown", row.RecordedBy),
        ProvenanceKind.Survey => Domain.Provenance.Survey(row.ProvenanceReference ?? "unknown", row.RecordedBy),
        _ => Domain.Provenance.ManualEntry(row.RecordedBy),
    };
}
