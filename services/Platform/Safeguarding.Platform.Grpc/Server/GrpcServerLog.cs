using Microsoft.Extensions.Logging;

namespace Safeguarding.Platform.Grpc;

internal static partial class GrpcServerLog
{
    // The exception's message may quote request data, so only its type is logged.
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Handler for {Method} threw {ExceptionType}; the client received INTERNAL.")]
    public static partial void HandlerFailed(ILogger logger, string method, string exceptionType);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Call to {Method} ended with {StatusCode}.")]
    public static partial void CallEnded(ILogger logger, string method, StatusCode statusCode);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Call to {Method} rejected: {Reason}.")]
    public static partial void CallRejected(ILogger logger, string method, string reason);
}
