using Google.Protobuf.Reflection;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// A class that implements one proto service. The proto's descriptor is the single source of
/// truth: every RPC in it must have a public method of the matching shape, checked at startup.
/// <code>
/// unary:            Task&lt;TResponse&gt; Name(TRequest request, ServerCallContext context)
/// server streaming: Task Name(TRequest request, IServerStreamWriter&lt;TResponse&gt; responses, ServerCallContext context)
/// client streaming: Task&lt;TResponse&gt; Name(IAsyncEnumerable&lt;TRequest&gt; requests, ServerCallContext context)
/// bidirectional:    Task Name(IAsyncEnumerable&lt;TRequest&gt; requests, IServerStreamWriter&lt;TResponse&gt; responses, ServerCallContext context)
/// </code>
/// </summary>
public interface IGrpcService
{
    /// <summary>The proto service this class implements (from the generated *Reflection class).</summary>
    static abstract ServiceDescriptor Descriptor { get; }
}

/// <summary>Declares an RPC of the proto that this implementation deliberately answers with UNIMPLEMENTED.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class UnimplementedRpcAttribute(string methodName) : Attribute
{
    /// <summary>The proto method name.</summary>
    public string MethodName { get; } = methodName;
}

/// <summary>Writes response messages of a streaming call.</summary>
public interface IServerStreamWriter<in T>
{
    /// <summary>Sends one message and flushes it to the client.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
