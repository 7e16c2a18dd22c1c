namespace Safeguarding.Gateway.Registry;

internal static partial class RegistryLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Organisation registry version {Version} loaded: {Organisations} organisations, {Instances} service instances.")]
    public static partial void Loaded(ILogger logger, long version, int organisations, int instances);

    // Problems name configuration paths and organisation codes only.
    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Organisation registry change rejected ({Count} problems), keeping the previous version: {Problems}")]
    public static partial void ReloadRejected(ILogger logger, int count, IReadOnlyList<string> problems);
}
