using Google.Protobuf;
using Grpc.Core;

namespace Safeguarding.Platform.Grpc;

/// <summary>Reads the google.rpc details a failed call carried (grpc-status-details-bin), via Grpc.StatusProto.</summary>
public static class RpcExceptionDetails
{
    /// <summary>The first detail of type <typeparamref name="T"/> (e.g. BadRequest), or null.</summary>
    public static T? GetDetail<T>(this RpcException exception)
        where T : class, IMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.GetRpcStatus()?.GetDetail<T>();
    }
}
