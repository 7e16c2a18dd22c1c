using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Json;

// Only known RPC paths, status codes and fixed reasons: never bodies, tokens or client-supplied names.
internal static partial class JsonFacadeLog
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "JSON request for {Rpc} refused before the call with HTTP {HttpStatus}.")]
    public static partial void Rejected(ILogger logger, string rpc, int httpStatus);

    [LoggerMessage(EventId = 501, Level = LogLevel.Debug, Message = "JSON call to {Rpc} answered {StatusCode}.")]
    public static partial void Answered(ILogger logger, string rpc, StatusCode statusCode);

    [LoggerMessage(EventId = 502, Level = LogLevel.Information, Message = "Report page for {Rpc} answered {StatusCode}.")]
    public static partial void PageFailed(ILogger logger, string rpc, StatusCode statusCode);

    [LoggerMessage(EventId = 503, Level = LogLevel.Information, Message = "Sign-in refused: {Reason}.")]
    public static partial void SignInRefused(ILogger logger, string reason);
}
