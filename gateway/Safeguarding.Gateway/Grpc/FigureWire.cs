using Safeguarding.Gateway.Aggregation;
using Safeguarding.Gateway.V1;
using Safeguarding.Measures.V1;
using Domain = Safeguarding.Platform.Disclosure;

namespace Safeguarding.Gateway.Grpc;

/// <summary>Computed figures on the wire: suppressed counts carry a reason and no number.</summary>
internal static class FigureWire
{
    public static V1.AreaFigure ToWire(ComputedFigure figure, Period period, MeasureUnit unit)
    {
        var wire = new V1.AreaFigure
        {
            OrganisationCode = figure.Organisation,
            Level = figure.Level switch
            {
                Aggregation.FigureLevel.Organisation => V1.FigureLevel.Organisation,
                Aggregation.FigureLevel.PartnershipTotal => V1.FigureLevel.PartnershipTotal,
                _ => V1.FigureLevel.RegionTotal,
            },
            Period = period,
            State = figure.State switch
            {
                Aggregation.FigureState.Shown => V1.FigureState.Shown,
                Aggregation.FigureState.Suppressed => V1.FigureState.Suppressed,
                Aggregation.FigureState.Unavailable => V1.FigureState.Unavailable,
                _ => V1.FigureState.Incomplete,
            },
            Amount = Count(figure.Amount),
            Numerator = Count(figure.Numerator),
            Denominator = Count(figure.Denominator),
            Value = figure.State == Aggregation.FigureState.Shown ? ObservationFigures.ValueOf(unit, figure.Amount, figure.Numerator, figure.Denominator) ?? string.Empty : string.Empty,
            Note = figure.Note,
        };
        wire.IncludedOrganisationCodes.AddRange(figure.Included);
        return wire;
    }

    private static Count? Count(CountOutcome? outcome) => outcome is null ? null : new Count
    {
        Value = outcome.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        Suppression = outcome.Reason switch
        {
            Domain.SuppressionReason.None => V1.SuppressionReason.Unspecified,
            Domain.SuppressionReason.BelowThreshold => V1.SuppressionReason.BelowThreshold,
            // Withheld only marks cells fixed by an earlier stage; the wire says why they were hidden there.
            _ => V1.SuppressionReason.Complementary,
        },
    };
}
