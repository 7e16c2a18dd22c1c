using Google.Protobuf;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Support;

/// <summary>
/// The test implementation of safeguarding.testing.v1.EchoService on the generated base; Behaviour picks what it
/// does. Reserved is left to the base (UNIMPLEMENTED).
/// </summary>
public sealed class EchoService(CallProbe probe) : Testing.V1.EchoService.EchoServiceBase
{
    /// <summary>The secret an exception carries; it must never reach a client.</summary>
    public const string Secret = "connection string Password=hunter2";

    public override async Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context)
    {
        probe.For(request.ProbeId).Ran.TrySetResult();
        await ApplyAsync(request, context);
        var response = Respond(request, context, 0);
        switch (request.Behaviour)
        {
            case Behaviour.EchoTraceparent:
                response.Text = context.GetHttpContext().Request.Headers["traceparent"].ToString();
                break;
            case Behaviour.EchoMetadata:
                response.Text = string.Join(";", context.RequestHeaders.Where(IsTestHeader).Select(e => $"{e.Key}={(e.IsBinary ? Convert.ToHexString(e.ValueBytes) : e.Value)}"));
                break;
            case Behaviour.WhoAmI:
                var caller = context.GetCaller();
                response.Text = $"{caller.UserId}|{caller.OrganisationCode}|{string.Join(",", caller.Roles.Order(StringComparer.Ordinal))}|{context.GetTarget().Code}";
                break;
        }

        return response;
    }

    public override async Task Expand(EchoRequest request, IServerStreamWriter<EchoResponse> responseStream, ServerCallContext context)
    {
        var failAfter = request.Behaviour == Behaviour.FailAfterMessages;
        if (!failAfter)
        {
            await ApplyAsync(request, context);
        }

        for (var i = 0; i < request.Count; i++)
        {
            await responseStream.WriteAsync(Respond(request, context, i), context.CancellationToken);
        }

        if (failAfter)
        {
            throw new RpcException(new Status(StatusCode.Aborted, "Stopped after the messages."));
        }
    }

    public override async Task<EchoResponse> Collect(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
    {
        var texts = new List<string>();
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await ApplyAsync(request, context);
            texts.Add(request.Text);
        }

        return new EchoResponse { Text = string.Join(",", texts), Index = texts.Count, RequestWasCompressed = WasCompressed(context) };
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

    private static bool IsTestHeader(Metadata.Entry entry) => entry.Key.StartsWith("x-", StringComparison.Ordinal);

    // grpc-dotnet tells the call's encoding, not each message's flag.
    private static bool WasCompressed(ServerCallContext context) =>
        context.GetHttpContext().Request.Headers["grpc-encoding"].ToString() is { Length: > 0 } encoding && encoding != "identity";

    private static EchoResponse Respond(EchoRequest request, ServerCallContext context, int index) => new()
    {
        Text = request.Text,
        Index = index,
        Payload = request.ResponsePayloadSize > 0 ? ByteString.CopyFrom(new byte[request.ResponsePayloadSize]) : request.Payload,
        RequestWasCompressed = WasCompressed(context),
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
            case Behaviour.DomainInvalid:
                throw new TestDomainException.Invalid("measure.unit", "must be one of: percent, count");
            case Behaviour.DomainMissing:
                throw new TestDomainException.Missing("Measure", "M-404");
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
                foreach (var header in context.RequestHeaders.Where(e => IsTestHeader(e) && (e.IsBinary || e.Value.Length > 0)))
                {
                    echoed.Add(header);
                    context.ResponseTrailers.Add(header.IsBinary ? new Metadata.Entry("t" + header.Key, header.ValueBytes) : new Metadata.Entry("t" + header.Key, header.Value));
                }

                await context.WriteResponseHeadersAsync(echoed);
                break;
            case Behaviour.FailWithTrailers:
                throw new RpcException(new Status(StatusCode.FailedPrecondition, request.Text.Length > 0 ? request.Text : "Not now."), new Metadata { { "x-reason", "busy" }, { "x-code-bin", new byte[] { 0, 1, 2 } } });
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

/// <summary>Exceptions of a pretend domain, which only <see cref="TestExceptionMapper"/> knows how to report.</summary>
public abstract class TestDomainException(string message) : Exception(message)
{
    public sealed class Invalid(string field, string problem) : TestDomainException($"{field} {problem}")
    {
        public string Field { get; } = field;

        public string Problem { get; } = problem;
    }

    public sealed class Missing(string kind, string id) : TestDomainException($"{kind} {id} missing")
    {
        public string Kind { get; } = kind;

        public string Id { get; } = id;
    }
}

/// <summary>A service's <see cref="IRpcExceptionMapper"/>, as a module would register one.</summary>
public sealed class TestExceptionMapper : IRpcExceptionMapper
{
    public RpcException? Map(Exception exception) => exception switch
    {
        TestDomainException.Invalid invalid => RpcErrors.InvalidArgument(invalid.Field, invalid.Problem),
        TestDomainException.Missing missing => RpcErrors.NotFound(missing.Kind, missing.Id),
        _ => null,
    };
}
