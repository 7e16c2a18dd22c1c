using Google.Protobuf;
using Google.Protobuf.Reflection;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Support;

/// <summary>The test implementation of safeguarding.testing.v1.EchoService; Behaviour picks what it does.</summary>
[UnimplementedRpc("Reserved")]
public sealed class EchoService(CallProbe probe) : IGrpcService
{
    /// <summary>The secret an exception carries; it must never reach a client.</summary>
    public const string Secret = "connection string Password=hunter2";

    public static ServiceDescriptor Descriptor => EchoServiceReflection.Descriptor.Services.Single(s => s.Name == "EchoService");

    public async Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context)
    {
        await ApplyAsync(request, context);
        var response = Respond(request, context, 0);
        if (request.Behaviour == Behaviour.EchoTraceparent)
        {
            response.Text = context.HttpContext.Request.Headers["traceparent"].ToString();
        }

        if (request.Behaviour == Behaviour.EchoMetadata)
        {
            // What the handler saw, including entries Kestrel cannot send back (empty values).
            response.Text = string.Join(";", context.RequestHeaders.Where(IsTestHeader).Select(e => $"{e.Key}={e.Value}"));
        }

        return response;
    }

    public async Task Expand(EchoRequest request, IServerStreamWriter<EchoResponse> responses, ServerCallContext context)
    {
        var failAfter = request.Behaviour == Behaviour.FailAfterMessages;
        if (!failAfter)
        {
            await ApplyAsync(request, context);
        }

        for (var i = 0; i < request.Count; i++)
        {
            await responses.WriteAsync(Respond(request, context, i), context.CancellationToken);
        }

        if (failAfter)
        {
            throw new RpcException(StatusCode.Aborted, "Stopped after the messages.");
        }
    }

    public async Task<EchoResponse> Collect(IAsyncEnumerable<EchoRequest> requests, ServerCallContext context)
    {
        var texts = new List<string>();
        await foreach (var request in requests)
        {
            await ApplyAsync(request, context);
            texts.Add(request.Text);
        }

        return new EchoResponse { Text = string.Join(",", texts), Index = texts.Count, RequestWasCompressed = context.LastRequestWasCompressed };
    }

    public async Task Chat(IAsyncEnumerable<EchoRequest> requests, IServerStreamWriter<EchoResponse> responses, ServerCallContext context)
    {
        var index = 0;
        await foreach (var request in requests)
        {
            await ApplyAsync(request, context);
            await responses.WriteAsync(Respond(request, context, index++), context.CancellationToken);
        }
    }

    private static bool IsTestHeader(Metadata.Entry entry) => entry.Key.StartsWith("x-", StringComparison.Ordinal);

    private static EchoResponse Respond(EchoRequest request, ServerCallContext context, int index) => new()
    {
        Text = request.Text,
        Index = index,
        Payload = request.ResponsePayloadSize > 0 ? ByteString.CopyFrom(new byte[request.ResponsePayloadSize]) : request.Payload,
        RequestWasCompressed = context.LastRequestWasCompressed,
        HasDeadline = context.Deadline != DateTime.MaxValue,
    };

    private async Task ApplyAsync(EchoRequest request, ServerCallContext context)
    {
        switch (request.Behaviour)
        {
            case Behaviour.InvalidArgument:
                throw RpcErrors.InvalidArgument([new FieldProblem("text", "must not be empty"), new FieldProblem("count", "must be positive")]);
            case Behaviour.Throw:
                throw new InvalidOperationException(Secret);
            case Behaviour.WaitForCancellation:
                await WaitForCancellationAsync(probe.For(request.ProbeId), context.CancellationToken);
                break;
            case Behaviour.IgnoreCancellation:
                var entry = probe.For(request.ProbeId);
                entry.Started.TrySetResult();
                await entry.Release.Task;
                break;
            case Behaviour.EchoMetadata:
                var echoed = new Metadata();
                foreach (var header in context.RequestHeaders.Where(e => IsTestHeader(e) && e.Value.Length > 0))
                {
                    echoed.Add(header);
                    context.ResponseTrailers.Add(header.IsBinary ? new Metadata.Entry("t" + header.Key, header.ValueBytes) : new Metadata.Entry("t" + header.Key, header.Value));
                }

                await context.WriteResponseHeadersAsync(echoed);
                break;
            case Behaviour.FailWithTrailers:
                throw new RpcException(new Status(StatusCode.FailedPrecondition, "Not now."), new Metadata().Add("x-reason", "busy").Add("x-code-bin", [0, 1, 2]));
        }
    }

    private static async Task WaitForCancellationAsync(CallProbe.Entry entry, CancellationToken token)
    {
        entry.Started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, token);
        }
        catch (OperationCanceledException)
        {
            entry.Cancelled.TrySetResult();
            throw;
        }
    }
}
