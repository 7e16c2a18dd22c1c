using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Routing;

internal static partial class ForwardingLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Forwarding {Rpc} failed: answered {StatusCode} ({ExceptionType}).")]
    public static partial void UpstreamFailed(ILogger logger, string rpc, StatusCode statusCode, string exceptionType);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Call to {Rpc} for {Organisation} refused: {Reason}.")]
    public static partial void Refused(ILogger logger, string rpc, string organisation, string reason);
}
