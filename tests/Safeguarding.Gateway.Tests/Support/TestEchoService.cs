using Safeguarding.GatewayTest.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Safeguarding.Gateway.Tests.Support;

/// <summary>The organisation service behind the gateway in forwarding tests: reports what it received.</summary>
public sealed class TestEchoService(CallProbe probe, EchoInstance instance) : EchoService.EchoServiceBase
{

    public override async Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context)
    {
        await ApplyAsync(request, context);
        return Respond(request, context, 0);
    }

    public override async Task Expand(EchoRequest request, IServerStreamWriter<EchoResponse> responseStream, ServerCallContext context)
    {
        await ApplyAsync(request, context);
        for (var i = 0; i < request.Count; i++)
        {
            await responseStream.WriteAsync(Respond(request, context, i), context.CancellationToken);
        }
    }

    public override async Task<EchoResponse> Collect(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
    {
        var texts = new List<string>();
        EchoRequest? last = null;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await ApplyAsync(request, context);
            texts.Add(request.Text);
            last = request;
        }

        var response = Respond(last ?? new EchoRequest(), context, texts.Count);
        response.Text = string.Join(",", texts);
        return response;
    }

    public override async Task Chat(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoResponse> responseStream, ServerCallContext context)
    {
        var index = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await ApplyAsync(request, context);
            await responseStream.WriteAsync(Respond(request, context, index++), context.CancellationToken);
        }
    }

    public override Task<EchoResponse> Unpoliced(EchoRequest request, ServerCallContext context) => Task.FromResult(Respond(request, context, 0));

    private EchoResponse Respond(EchoRequest request, ServerCallContext context, int index)
    {
        var response = new EchoResponse { Text = request.Text, Index = index, HasDeadline = context.Deadline != DateTime.MaxValue, Instance = instance.Name };
        foreach (var (header, values) in context.GetHttpContext().Request.Headers)
        {
            var name = header.ToLowerInvariant();
            if (name.StartsWith("x-", StringComparison.Ordinal) || name is "traceparent" or "grpc-timeout" or "authorization" or "tracestate")
            {
                response.SeenHeaders[name] = values.ToString();
            }
        }

        return response;
    }

    private async Task ApplyAsync(EchoRequest request, ServerCallContext context)
    {
        switch (request.Behaviour)
        {
            case Behaviour.WaitForCancellation:
                var entry = probe.For(request.ProbeId);
                entry.Started.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    entry.Cancelled.TrySetResult();
                    throw;
                }

                break;
            case Behaviour.FailWithTrailers:
                throw new RpcException(new Status(StatusCode.FailedPrecondition, "Not now ü."), new Metadata { { "x-reason", "busy" }, { "x-code-bin", new byte[] { 0, 1, 2, 255 } } });
            case Behaviour.SendMetadata:
                context.ResponseTrailers.Add("x-trailer", "t-" + request.Text);
                await context.WriteResponseHeadersAsync(new Metadata { { "x-header", "h-" + request.Text } });
                break;
            case Behaviour.Delay:
                await Task.Delay(request.DelayMs, context.CancellationToken);
                break;
        }
    }
}

/// <summary>Which test instance this is (answers carry it, so tests see where a call went).</summary>
public sealed record EchoInstance(string Name);
