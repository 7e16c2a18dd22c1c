using Google.Protobuf;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// A call ended with a non-OK status. Thrown by handlers to choose the status a client sees,
/// and by the client when a call fails; carries the trailers and the rich error details.
/// </summary>
public sealed class RpcException : Exception
{
    /// <summary>Creates an exception for a status, optionally with trailers and rich details.</summary>
    public RpcException(Status status, Metadata? trailers = null, Google.Rpc.Status? details = null)
        : base(status.ToString())
    {
        Status = status;
        Trailers = trailers ?? new Metadata();
        Details = details;
    }

    /// <summary>Creates an exception for a code and message.</summary>
    public RpcException(StatusCode code, string detail)
        : this(new Status(code, detail))
    {
    }

    /// <summary>The call's status.</summary>
    public Status Status { get; }

    /// <summary>The status code.</summary>
    public StatusCode StatusCode => Status.Code;

    /// <summary>Custom trailers (received, or to send).</summary>
    public Metadata Trailers { get; }

    /// <summary>google.rpc.Status from grpc-status-details-bin, when present.</summary>
    public Google.Rpc.Status? Details { get; }

    /// <summary>The first detail of a given type (e.g. BadRequest), or null.</summary>
    public T? GetDetail<T>()
        where T : class, IMessage<T>, new()
    {
        if (Details is null)
        {
            return null;
        }

        foreach (var any in Details.Details)
        {
            if (any.TryUnpack<T>(out var detail))
            {
                return detail;
            }
        }

        return null;
    }
}
