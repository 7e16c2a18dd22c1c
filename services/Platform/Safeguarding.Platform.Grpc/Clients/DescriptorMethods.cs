using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Safeguarding.Platform.Grpc;

/// <summary>
/// grpc-dotnet <see cref="Method{TRequest, TResponse}"/>s built from proto descriptors, for calls whose RPC is chosen
/// at run time (the gateway's JSON facade and report pages, tests), and channel shortcuts to make them.
/// </summary>
public static class DescriptorMethods
{
    /// <summary>The method <paramref name="name"/> of <paramref name="service"/>.</summary>
    public static Method<TRequest, TResponse> Create<TRequest, TResponse>(Google.Protobuf.Reflection.ServiceDescriptor service, string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        Create<TRequest, TResponse>(service.FindMethodByName(name)
            ?? throw new ArgumentException($"{service.FullName} has no RPC {name}.", nameof(name)));

    /// <summary>The method a descriptor describes.</summary>
    public static Method<TRequest, TResponse> Create<TRequest, TResponse>(MethodDescriptor method)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var type = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            _ => MethodType.DuplexStreaming,
        };
        return new Method<TRequest, TResponse>(type, method.Service.FullName, method.Name, Marshaller<TRequest>(), Marshaller<TResponse>());
    }

    /// <summary>Starts a unary call.</summary>
    public static AsyncUnaryCall<TResponse> UnaryCall<TRequest, TResponse>(this ChannelBase channel, Method<TRequest, TResponse> method, TRequest request, CallOptions options)
        where TRequest : class
        where TResponse : class => channel.CreateCallInvoker().AsyncUnaryCall(method, null, options, request);

    /// <summary>Starts a server-streaming call.</summary>
    public static AsyncServerStreamingCall<TResponse> ServerStreamingCall<TRequest, TResponse>(this ChannelBase channel, Method<TRequest, TResponse> method, TRequest request, CallOptions options)
        where TRequest : class
        where TResponse : class => channel.CreateCallInvoker().AsyncServerStreamingCall(method, null, options, request);

    /// <summary>Starts a client-streaming call.</summary>
    public static AsyncClientStreamingCall<TRequest, TResponse> ClientStreamingCall<TRequest, TResponse>(this ChannelBase channel, Method<TRequest, TResponse> method, CallOptions options)
        where TRequest : class
        where TResponse : class => channel.CreateCallInvoker().AsyncClientStreamingCall(method, null, options);

    /// <summary>Starts a bidirectional call.</summary>
    public static AsyncDuplexStreamingCall<TRequest, TResponse> DuplexStreamingCall<TRequest, TResponse>(this ChannelBase channel, Method<TRequest, TResponse> method, CallOptions options)
        where TRequest : class
        where TResponse : class => channel.CreateCallInvoker().AsyncDuplexStreamingCall(method, null, options);

    private static Marshaller<T> Marshaller<T>()
        where T : class, IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        return Marshallers.Create(
            (message, context) =>
            {
                context.SetPayloadLength(message.CalculateSize());
                message.WriteTo(context.GetBufferWriter());
                context.Complete();
            },
            context => parser.ParseFrom(context.PayloadAsReadOnlySequence()));
    }
}
