using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Safeguarding.Platform.Grpc;

/// <summary>A typed handle on one RPC of a proto service, for the client side.</summary>
public sealed class Method<TRequest, TResponse>
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>, new()
{
    internal Method(MethodDescriptor descriptor)
    {
        if (descriptor.InputType.ClrType != typeof(TRequest) || descriptor.OutputType.ClrType != typeof(TResponse))
        {
            throw new ArgumentException(
                $"{descriptor.FullName} takes {descriptor.InputType.ClrType.Name} and returns {descriptor.OutputType.ClrType.Name}, not {typeof(TRequest).Name}/{typeof(TResponse).Name}.",
                nameof(descriptor));
        }

        Descriptor = descriptor;
        ServiceName = descriptor.Service.FullName;
        Name = descriptor.Name;
        Path = $"/{ServiceName}/{Name}";
    }

    /// <summary>The proto method.</summary>
    public MethodDescriptor Descriptor { get; }

    /// <summary>Full service name, e.g. "grpc.health.v1.Health".</summary>
    public string ServiceName { get; }

    /// <summary>Method name, e.g. "Check".</summary>
    public string Name { get; }

    /// <summary>The HTTP/2 :path, e.g. "/grpc.health.v1.Health/Check".</summary>
    public string Path { get; }

    internal MessageParser<TResponse> ResponseParser { get; } = new(() => new TResponse());
}

/// <summary>Creates typed method handles from proto descriptors.</summary>
public static class Method
{
    /// <summary>The RPC named <paramref name="name"/> of a proto service; throws when the types do not match the proto.</summary>
    public static Method<TRequest, TResponse> Create<TRequest, TResponse>(ServiceDescriptor service, string name)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>, new() =>
        new(service.FindMethodByName(name) ?? throw new ArgumentException($"{service.FullName} has no RPC {name}.", nameof(name)));
}
