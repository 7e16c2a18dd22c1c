using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Json;

/// <summary>
/// One RPC callable with messages whose types are known only at run time: the typed gRPC client
/// needs its message types as generic arguments, so each RPC gets a closed <see cref="JsonRpc{TRequest, TResponse}"/>.
/// </summary>
internal abstract class JsonRpc(MethodDescriptor descriptor)
{
    /// <summary>Largest answer (proto bytes) collected for one JSON response; a stream longer than this is refused, not truncated.</summary>
    public const long MaxResponseBytes = 32 * 1024 * 1024;

    private static readonly MethodInfo Factory = typeof(JsonRpc).GetMethod(nameof(CreateTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    public MethodDescriptor Descriptor { get; } = descriptor;

    /// <summary>The gRPC path, e.g. "/safeguarding.measures.v1.MeasuresService/GetMeasure".</summary>
    public string Path { get; } = $"/{descriptor.Service.FullName}/{descriptor.Name}";

    public bool IsBidirectional => Descriptor.IsClientStreaming && Descriptor.IsServerStreaming;

    public static JsonRpc Create(MethodDescriptor method) =>
        (JsonRpc)Factory.MakeGenericMethod(method.InputType.ClrType, method.OutputType.ClrType).Invoke(null, [method])!;

    /// <summary>
    /// Makes the call: one request for unary and server-streaming RPCs, all of them in order for
    /// client streaming. Returns every response message; throws <see cref="RpcException"/> when the call fails.
    /// </summary>
    public abstract Task<IReadOnlyList<IMessage>> CallAsync(GrpcChannel channel, IReadOnlyList<IMessage> requests, CallOptions options);

    private static JsonRpc<TRequest, TResponse> CreateTyped<TRequest, TResponse>(MethodDescriptor method)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() => new(method);
}

/// <summary>A <see cref="JsonRpc"/> for one pair of message types.</summary>
internal sealed class JsonRpc<TRequest, TResponse>(MethodDescriptor descriptor) : JsonRpc(descriptor)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    private readonly Method<TRequest, TResponse> _method = DescriptorMethods.Create<TRequest, TResponse>(descriptor);

    public override Task<IReadOnlyList<IMessage>> CallAsync(GrpcChannel channel, IReadOnlyList<IMessage> requests, CallOptions options) =>
        (Descriptor.IsClientStreaming, Descriptor.IsServerStreaming) switch
        {
            (false, false) => UnaryAsync(channel, (TRequest)requests[0], options),
            (false, true) => ServerStreamingAsync(channel, (TRequest)requests[0], options),
            (true, false) => ClientStreamingAsync(channel, requests, options),
            _ => throw new NotSupportedException("Bidirectional RPCs are not offered over JSON."),
        };

    private async Task<IReadOnlyList<IMessage>> UnaryAsync(GrpcChannel channel, TRequest request, CallOptions options)
    {
        using var call = channel.UnaryCall(_method, request, options);
        return [await call.ResponseAsync];
    }

    private async Task<IReadOnlyList<IMessage>> ServerStreamingAsync(GrpcChannel channel, TRequest request, CallOptions options)
    {
        using var call = channel.ServerStreamingCall(_method, request, options);
        var responses = new List<IMessage>();
        long size = 0;
        await foreach (var response in call.ResponseStream.ReadAllAsync(options.CancellationToken))
        {
            size += response.CalculateSize();
            if (size > MaxResponseBytes)
            {
                // Disposing the call cancels the stream upstream.
                throw new RpcException(new Status(StatusCode.ResourceExhausted, "The answer is too large for the JSON facade; call the RPC over gRPC."));
            }

            responses.Add(response);
        }

        return responses;
    }

    private async Task<IReadOnlyList<IMessage>> ClientStreamingAsync(GrpcChannel channel, IReadOnlyList<IMessage> requests, CallOptions options)
    {
        using var call = channel.ClientStreamingCall(_method, options);
        try
        {
            foreach (var request in requests)
            {
                await call.RequestStream.WriteAsync((TRequest)request, options.CancellationToken);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The call ended before every message was sent (refused, failed or cancelled): its status says why.
        }

        return [await call.ResponseAsync];
    }
}
