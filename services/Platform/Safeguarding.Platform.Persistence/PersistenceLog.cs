using Microsoft.Extensions.Logging;

namespace Safeguarding.Platform.Persistence;

internal static partial class PersistenceLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applied schema migration {Module} {Version} ({Name}) on {Provider}")]
    public static partial void MigrationApplied(ILogger logger, string module, int version, string name, DatabaseProvider provider);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Schema of module {Module} is up to date at version {Version}")]
    public static partial void SchemaUpToDate(ILogger logger, string module, int version);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Migrating {Context} database ({Provider})")]
    public static partial void Migrating(ILogger logger, string context, DatabaseProvider provider);
}
