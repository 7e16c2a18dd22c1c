namespace Safeguarding.Gateway.Auth;

internal static partial class AuthLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Bearer token rejected: {Reason}.")]
    public static partial void TokenRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Loaded {Count} signing keys from the OIDC issuer.")]
    public static partial void KeysLoaded(ILogger logger, int count);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Fetching the OIDC issuer's signing keys failed ({ExceptionType}); keeping previous keys: {KeptPrevious}.")]
    public static partial void KeysFetchFailed(ILogger logger, string exceptionType, bool keptPrevious);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Call to {Rpc} denied: {Reason}.")]
    public static partial void Denied(ILogger logger, string rpc, string reason);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "Signing keys unavailable; call to {Rpc} refused.")]
    public static partial void KeysUnavailable(ILogger logger, string rpc);

    [LoggerMessage(EventId = 205, Level = LogLevel.Information, Message = "Caller over its rate limit; call to {Rpc} refused.")]
    public static partial void RateLimited(ILogger logger, string rpc);
}
