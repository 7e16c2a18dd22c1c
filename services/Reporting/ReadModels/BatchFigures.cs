using Safeguarding.Measures.Events.V1;
using Safeguarding.Measures.V1;

namespace Safeguarding.Reporting.ReadModels;

/// <summary>
/// An import batch carries its figures grouped by measure version and period, with what they share written
/// once; each figure is an ObservationRecorded of provenance IMPORT with the batch's import id and time.
/// </summary>
internal static class BatchFigures
{
    public static IEnumerable<ObservationRecorded> Expand(ObservationBatchRecorded batch)
    {
        foreach (var group in batch.Groups)
        {
            foreach (var figure in group.Figures)
            {
                yield return new ObservationRecorded
                {
                    ObservationId = figure.ObservationId,
                    OrganisationCode = figure.OrganisationCode,
                    MeasureId = group.MeasureId,
                    MeasureVersion = group.MeasureVersion,
                    PeriodCode = group.PeriodCode,
                    PeriodLabel = group.PeriodLabel,
                    BreakdownKey = figure.BreakdownKey,
                    Value = new ObservationValue
                    {
                        State = figure.State,
                        Numerator = figure.Numerator,
                        Denominator = figure.Denominator,
                        Amount = figure.Amount,
                        Reason = figure.Reason,
                    },
                    RoundedToNearest = figure.RoundedToNearest,
                    ProvenanceKind = ProvenanceKind.Import,
                    ProvenanceReference = batch.ImportId,
                    RecordedAt = batch.RecordedAt,
                    SupersedesObservationId = figure.SupersedesObservationId,
                    CorrectionReason = figure.CorrectionReason,
                };
            }
        }
    }
}
