using Safeguarding.Measures.V1;

namespace Safeguarding.Web.Pages;

/// <summary>The framework's words for its enums, as seed 003 uses them.</summary>
public static class Labels
{
    public static string Type(InformationType type) => type switch
    {
        InformationType.Quantity => "How much",
        InformationType.Quality => "How well",
        InformationType.Outcome => "Is anyone better off",
        _ => "Not set",
    };

    /// <summary>Why a figure is not a number, in words (never a blank that could be read as zero).</summary>
    public static string State(ObservationState state) => state switch
    {
        ObservationState.Suppressed => "Suppressed at source",
        ObservationState.NotAvailable => "Not available",
        ObservationState.NotApplicable => "Not applicable",
        ObservationState.LowReliability => "Low reliability",
        ObservationState.RoundsToZero => "Rounds to zero",
        _ => "Not recorded",
    };

    public static string State(Safeguarding.Gateway.V1.FigureState state) => state switch
    {
        Safeguarding.Gateway.V1.FigureState.Suppressed => "Hidden: small numbers",
        Safeguarding.Gateway.V1.FigureState.Unavailable => "Not available",
        Safeguarding.Gateway.V1.FigureState.Incomplete => "Incomplete: not every organisation answered",
        _ => "Not recorded",
    };
}
