using Google.Protobuf;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.Testing;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Interop.TestServer;

/// <summary>
/// grpc.testing.TestService with the server features of grpc's interop test descriptions
/// (doc/interop-test-descriptions.md): payload sizes, echo status, echo metadata, compressed
/// requests and responses, interval_us. UnimplementedCall is deliberately unimplemented.
/// </summary>
[UnimplementedRpc("UnimplementedCall")]
public sealed class InteropTestService(CallObserver observer) : IGrpcService
{
    /// <summary>Request header: UnaryCall fails with INVALID_ARGUMENT and a BadRequest naming this field.</summary>
    public const string RichErrorHeader = "x-interop-rich-error-field";

    private const string EchoInitialHeader = "x-grpc-test-echo-initial";
    private const string EchoTrailingHeader = "x-grpc-test-echo-trailing-bin";

    /// <inheritdoc />
    public static ServiceDescriptor Descriptor => TestReflection.Descriptor.Services.Single(s => s.Name == "TestService");

    /// <summary>Answers the empty message.</summary>
    public Task<Empty> EmptyCall(Empty request, ServerCallContext context) => Task.FromResult(new Empty());

    /// <summary>A payload of response_size zero bytes, with the echo and compression features.</summary>
    public async Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        ExpectCompression(request.ExpectCompressed, context);
        if (request.ResponseCompressed is { } compressed)
        {
            context.ResponseEncoding = compressed.Value ? GrpcCompression.Gzip : null;
            context.CompressResponses = compressed.Value;
        }

        await EchoMetadataAsync(context);
        if (context.RequestHeaders.GetValue(RichErrorHeader) is { } field)
        {
            throw RpcErrors.InvalidArgument(field, request.ResponseStatus?.Message ?? "is invalid");
        }

        ThrowIfStatusRequested(request.ResponseStatus);
        return new SimpleResponse { Payload = Zeros(request.ResponseSize) };
    }

    /// <summary>Behaves like UnaryCall (no caching proxy is involved here).</summary>
    public Task<SimpleResponse> CacheableUnaryCall(SimpleRequest request, ServerCallContext context) => UnaryCall(request, context);

    /// <summary>One response per response_parameters entry, in order.</summary>
    public async Task StreamingOutputCall(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        await RespondAsync(request, responses, context);
        ThrowIfStatusRequested(request.ResponseStatus);
    }

    /// <summary>Sums the payload sizes received until the client half-closes.</summary>
    public async Task<StreamingInputCallResponse> StreamingInputCall(IAsyncEnumerable<StreamingInputCallRequest> requests, ServerCallContext context)
    {
        using var observed = Observe(context);
        var total = 0;
        await foreach (var request in requests)
        {
            ExpectCompression(request.ExpectCompressed, context);
            total += request.Payload?.Body.Length ?? 0;
        }

        return new StreamingInputCallResponse { AggregatedPayloadSize = total };
    }

    /// <summary>Answers each request as it arrives (ping-pong).</summary>
    public async Task FullDuplexCall(IAsyncEnumerable<StreamingOutputCallRequest> requests, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        using var observed = Observe(context);
        await EchoMetadataAsync(context);
        await foreach (var request in requests)
        {
            ThrowIfStatusRequested(request.ResponseStatus);
            await RespondAsync(request, responses, context);
        }
    }

    /// <summary>Answers every request only after the client half-closes.</summary>
    public async Task HalfDuplexCall(IAsyncEnumerable<StreamingOutputCallRequest> requests, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        var received = new List<StreamingOutputCallRequest>();
        await foreach (var request in requests)
        {
            received.Add(request);
        }

        await EchoMetadataAsync(context);
        foreach (var request in received)
        {
            ThrowIfStatusRequested(request.ResponseStatus);
            await RespondAsync(request, responses, context);
        }
    }

    private static async Task RespondAsync(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        if (request.ResponseParameters.Any(p => p.Compressed?.Value == true))
        {
            context.ResponseEncoding = GrpcCompression.Gzip;
        }

        foreach (var parameters in request.ResponseParameters)
        {
            if (parameters.IntervalUs > 0)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), context.CancellationToken);
            }

            context.CompressResponses = parameters.Compressed?.Value ?? false;
            await responses.WriteAsync(new StreamingOutputCallResponse { Payload = Zeros(parameters.Size) }, context.CancellationToken);
        }
    }

    // CompressedRequest: expect_compressed must match how the request message actually arrived.
    private static void ExpectCompression(BoolValue? expected, ServerCallContext context)
    {
        if (expected is not null && expected.Value != context.LastRequestWasCompressed)
        {
            throw new RpcException(StatusCode.InvalidArgument,
                expected.Value ? "Expected a compressed request message." : "Expected an uncompressed request message.");
        }
    }

    private static async Task EchoMetadataAsync(ServerCallContext context)
    {
        if (context.RequestHeaders.Get(EchoTrailingHeader) is { } trailing)
        {
            context.ResponseTrailers.Add(EchoTrailingHeader, trailing.ValueBytes);
        }

        if (context.RequestHeaders.Get(EchoInitialHeader) is { } initial)
        {
            await context.WriteResponseHeadersAsync(new Metadata().Add(EchoInitialHeader, initial.Value));
        }
    }

    private static void ThrowIfStatusRequested(EchoStatus? status)
    {
        if (status is { Code: not 0 })
        {
            throw new RpcException((StatusCode)status.Code, status.Message);
        }
    }

    private static Payload Zeros(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };

    private Outcome? Observe(ServerCallContext context)
    {
        if (context.RequestHeaders.GetValue(CallObserver.CallIdHeader) is not { } id)
        {
            return null;
        }

        var registration = context.CancellationToken.Register(() => observer.Report(id, "cancelled"));
        return new Outcome(registration, () => observer.Report(id, "completed"));
    }

    // Reports "completed" when the handler leaves without its token having fired first.
    private sealed class Outcome(CancellationTokenRegistration registration, Action completed) : IDisposable
    {
        public void Dispose()
        {
            registration.Dispose();
            completed();
        }
    }
}
