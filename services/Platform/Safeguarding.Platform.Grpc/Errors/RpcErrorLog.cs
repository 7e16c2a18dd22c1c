using Microsoft.Extensions.Logging;

namespace Safeguarding.Platform.Grpc;

internal static partial class RpcErrorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "RPC {Method} failed with {ExceptionType} (trace {TraceId})")]
    public static partial void Unhandled(ILogger logger, string exceptionType, string method, string traceId, Exception exception);
}
