using Microsoft.Extensions.Logging;

namespace Safeguarding.Measures.Events;

/// <summary>What the evidence consumer logs: publication and measure ids, reasons as codes, counts. Never a figure's subject.</summary>
internal static partial class EvidenceLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Evidence publication {PublicationId}: figure for measure {MeasureId} refused ({Reason})")]
    public static partial void FigureRefused(ILogger logger, string publicationId, string measureId, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Evidence publication {PublicationId} refused ({Reason}); dead-lettered")]
    public static partial void PublicationRefused(ILogger logger, string publicationId, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information,
        Message = "Evidence publication {PublicationId}: {Recorded} recorded, {Superseded} superseded, {Unchanged} unchanged, {Refused} refused")]
    public static partial void Applied(ILogger logger, string publicationId, int recorded, int superseded, int unchanged, int refused);
}
