using Grpc.Core;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// Turns a service's own exceptions (validation, not found, conflicts) into the status a client sees.
/// Each service registers one; <see cref="RpcErrorInterceptor"/> asks them in turn.
/// </summary>
public interface IRpcExceptionMapper
{
    /// <summary>The status for <paramref name="exception"/>, or null when this mapper does not know it.</summary>
    RpcException? Map(Exception exception);
}
