using Microsoft.Extensions.Logging;

namespace Safeguarding.Measures.Application.Importing;

/// <summary>Import logs: ids and counts only (file names and cells can carry personal details).</summary>
internal static partial class ImportsLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Import {ImportId} started: mapping {MappingId}, dry run {DryRun}")]
    public static partial void Started(ILogger logger, string importId, string mappingId, bool dryRun);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Import {ImportId} finished: {Rows} rows ({Rejected} rejected), {Recorded} observations recorded, {Skipped} identical skipped, {Superseded} superseded, {Batches} batches committed")]
    public static partial void Finished(ILogger logger, string importId, long rows, long rejected, long recorded, long skipped, long superseded, int batches);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Import {ImportId} stopped after {Batches} committed batches: {ErrorType}")]
    public static partial void Failed(ILogger logger, string importId, int batches, string errorType);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Import {ImportId} defined measure {MeasureId} from its mapping")]
    public static partial void MeasureDefined(ILogger logger, string importId, string measureId);
}
