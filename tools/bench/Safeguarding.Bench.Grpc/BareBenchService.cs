using Grpc.Core;
using Safeguarding.Bench.V1;

namespace Safeguarding.Bench.Grpc;

/// <summary>The bare unary RPC on Grpc.AspNetCore's generated base: answers with the request's text.</summary>
public sealed class BareBenchService : Safeguarding.Bench.V1.BenchService.BenchServiceBase
{
    public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoResponse { Text = request.Text });
}
