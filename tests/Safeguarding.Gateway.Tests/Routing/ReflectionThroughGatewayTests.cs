using Grpc.Reflection.V1;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Tests.Support;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Tests.Routing;

/// <summary>grpcurl-style clients discover, through the gateway, the services it routes as well as its own.</summary>
public sealed class ReflectionThroughGatewayTests
{
    private static readonly Method<ServerReflectionRequest, ServerReflectionResponse> Reflect =
        DescriptorMethods.Create<ServerReflectionRequest, ServerReflectionResponse>(global::Grpc.Reflection.V1.ServerReflection.Descriptor, "ServerReflectionInfo");

    [Fact]
    public async Task Reflection_lists_and_describes_the_routed_services()
    {
        await using var gateway = await GatewayHost.StartAsync(TestRegistry.Document(new Dictionary<string, Uri>
        {
            ["camden-shared"] = new("http://127.0.0.1:9"),
            ["islington"] = new("http://127.0.0.1:9"),
            ["islington-csc"] = new("http://127.0.0.1:9"),
        }));
        var call = gateway.Channel.DuplexStreamingCall(Reflect, GatewayHost.As(TestTokens.For("a-1", "camden-csc", Roles.Analyst), timeout: TimeSpan.FromSeconds(10)));

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "safeguarding.reporting.v1.ReportingService" });
        await call.RequestStream.CompleteAsync();
        var responses = new List<ServerReflectionResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            responses.Add(response);
        }

        var services = responses[0].ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("safeguarding.measures.v1.MeasuresService", services);
        Assert.Contains("safeguarding.reporting.v1.ReportingService", services);
        Assert.Contains("safeguarding.gateway.v1.MeasuresAggregation", services);
        // Every policed service is described, the ones added after the gateway was written included.
        Assert.Contains("safeguarding.audits.v1.AuditsService", services);
        Assert.Contains("safeguarding.casereviews.v1.CaseReviewsService", services);
        Assert.Contains("safeguarding.surveys.v1.SurveysService", services);
        Assert.NotEmpty(responses[1].FileDescriptorResponse.FileDescriptorProto);
    }
}
