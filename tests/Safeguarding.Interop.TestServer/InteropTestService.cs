using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Testing;
using BoolValue = Grpc.Testing.BoolValue;
using Empty = Grpc.Testing.Empty;
using Status = Grpc.Core.Status;

namespace Safeguarding.Interop.TestServer;

/// <summary>
/// grpc.testing.TestService with the server features of grpc's interop test descriptions
/// (doc/interop-test-descriptions.md): payload sizes, echo status, echo metadata, compressed
/// requests and responses, interval_us. UnimplementedCall is deliberately left to the generated base
/// (UNIMPLEMENTED).
/// </summary>
public sealed class InteropTestService(CallObserver observer) : TestService.TestServiceBase
{
    /// <summary>Request header: UnaryCall fails with INVALID_ARGUMENT and a BadRequest naming this field.</summary>
    public const string RichErrorHeader = "x-interop-rich-error-field";

    private const string EchoInitialHeader = "x-grpc-test-echo-initial";
    private const string EchoTrailingHeader = "x-grpc-test-echo-trailing-bin";

    /// <summary>Answers the empty message.</summary>
    public override Task<Empty> EmptyCall(Empty request, ServerCallContext context) => Task.FromResult(new Empty());

    /// <summary>A payload of response_size zero bytes, with the echo and compression features.</summary>
    public override async Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        ExpectCompression(request.ExpectCompressed, context);
        await EchoMetadataAsync(context, compressResponses: request.ResponseCompressed?.Value == true);
        if (context.RequestHeaders.GetValue(RichErrorHeader) is { } field)
        {
            var description = request.ResponseStatus?.Message ?? "is invalid";
            throw new Google.Rpc.Status
            {
                Code = (int)Code.InvalidArgument,
                Message = $"{field}: {description}",
                Details = { Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description } } }) },
            }.ToRpcException();
        }

        ThrowIfStatusRequested(request.ResponseStatus);
        return new SimpleResponse { Payload = Zeros(request.ResponseSize) };
    }

    /// <summary>Behaves like UnaryCall (no caching proxy is involved here).</summary>
    public override Task<SimpleResponse> CacheableUnaryCall(SimpleRequest request, ServerCallContext context) => UnaryCall(request, context);

    /// <summary>One response per response_parameters entry, in order.</summary>
    public override async Task StreamingOutputCall(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await EchoMetadataAsync(context, Compresses(request));
        await RespondAsync(request, responseStream, context);
        ThrowIfStatusRequested(request.ResponseStatus);
    }

    /// <summary>Sums the payload sizes received until the client half-closes.</summary>
    public override async Task<StreamingInputCallResponse> StreamingInputCall(IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context)
    {
        using var observed = Observe(context);
        var total = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            ExpectCompression(request.ExpectCompressed, context);
            total += request.Payload?.Body.Length ?? 0;
        }

        observed?.Returned();
        return new StreamingInputCallResponse { AggregatedPayloadSize = total };
    }

    /// <summary>Answers each request as it arrives (ping-pong).</summary>
    public override async Task FullDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        using var observed = Observe(context);
        await EchoMetadataAsync(context);
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            ThrowIfStatusRequested(request.ResponseStatus);
            await RespondAsync(request, responseStream, context);
        }

        observed?.Returned();
    }

    /// <summary>Answers every request only after the client half-closes.</summary>
    public override async Task HalfDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        var received = new List<StreamingOutputCallRequest>();
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            received.Add(request);
        }

        await EchoMetadataAsync(context);
        foreach (var request in received)
        {
            ThrowIfStatusRequested(request.ResponseStatus);
            await RespondAsync(request, responseStream, context);
        }
    }

    private static bool Compresses(StreamingOutputCallRequest request) => request.ResponseParameters.Any(p => p.Compressed?.Value == true);

    private static async Task RespondAsync(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        foreach (var parameters in request.ResponseParameters)
        {
            if (parameters.IntervalUs > 0)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), context.CancellationToken);
            }

            // The call's encoding (grpc-encoding) is gzip when any message is to be compressed; the others go flagged uncompressed.
            responseStream.WriteOptions = parameters.Compressed?.Value == true ? null : new WriteOptions(WriteFlags.NoCompress);
            await responseStream.WriteAsync(new StreamingOutputCallResponse { Payload = Zeros(parameters.Size) }, context.CancellationToken);
        }
    }

    // CompressedRequest: expect_compressed must match how the request message actually arrived (its frame's flag).
    // Called once for every request message received, whether or not it carries the probe.
    private static void ExpectCompression(BoolValue? expected, ServerCallContext context)
    {
        var compressed = MessageFlags.NextWasCompressed(context.GetHttpContext());
        if (expected is not null && expected.Value != compressed)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                expected.Value ? "Expected a compressed request message." : "Expected an uncompressed request message."));
        }
    }

    // Echo metadata; "grpc-internal-encoding-request" is how a grpc-dotnet handler picks its response encoding.
    private static async Task EchoMetadataAsync(ServerCallContext context, bool compressResponses = false)
    {
        if (context.RequestHeaders.Get(EchoTrailingHeader) is { } trailing)
        {
            context.ResponseTrailers.Add(EchoTrailingHeader, trailing.ValueBytes);
        }

        var headers = new Metadata();
        if (context.RequestHeaders.Get(EchoInitialHeader) is { } initial)
        {
            headers.Add(EchoInitialHeader, initial.Value);
        }

        if (compressResponses)
        {
            headers.Add("grpc-internal-encoding-request", "gzip");
        }

        if (headers.Count > 0)
        {
            await context.WriteResponseHeadersAsync(headers);
        }
    }

    private static void ThrowIfStatusRequested(EchoStatus? status)
    {
        if (status is { Code: not 0 })
        {
            throw new RpcException(new Status((StatusCode)status.Code, status.Message));
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

    // Reports "completed" when the handler returns without its token having fired first. A handler that leaves by an
    // exception (a reset stream makes the read throw) keeps the registration: Kestrel signals the call's token a moment
    // after the read fails, on another thread, and that is reported as "cancelled".
    private sealed class Outcome(CancellationTokenRegistration registration, Action completed) : IDisposable
    {
        private bool _returned;

        public void Returned() => _returned = true;

        public void Dispose()
        {
            if (_returned)
            {
                registration.Dispose();
                completed();
            }
        }
    }
}
