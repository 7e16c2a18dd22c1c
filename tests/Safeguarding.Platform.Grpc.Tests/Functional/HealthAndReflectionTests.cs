using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using Safeguarding.Platform.Grpc.Tests.Support;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

/// <summary>grpc.health.v1 from Grpc.AspNetCore.HealthChecks, reflection v1 and v1alpha from Grpc.AspNetCore.Server.Reflection.</summary>
public sealed class HealthAndReflectionTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private Health.HealthClient HealthClient => new(fixture.Channel);

    [Theory]
    [InlineData("")]
    [InlineData("safeguarding.testing.v1.EchoService")]
    public async Task Check_reports_serving_for_the_server_and_each_mapped_service(string service)
    {
        var response = await HealthClient.CheckAsync(new HealthCheckRequest { Service = service });
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Check_of_an_unknown_service_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await HealthClient.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Watch_reports_serving()
    {
        using var cancellation = new CancellationTokenSource(TestHost.Patience);
        using var watch = HealthClient.Watch(new HealthCheckRequest { Service = "safeguarding.testing.v1.EchoService" }, cancellationToken: cancellation.Token);
        // The first answer may come before the first health publication (SERVICE_UNKNOWN); SERVING follows.
        await foreach (var response in watch.ResponseStream.ReadAllAsync(cancellation.Token))
        {
            if (response.Status == HealthCheckResponse.Types.ServingStatus.Serving)
            {
                return;
            }
        }

        Assert.Fail("Watch never reported SERVING.");
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v1alpha")]
    public async Task Reflection_lists_services_and_resolves_a_symbol_with_its_imports(string version)
    {
        var (services, files) = version == "v1" ? await ReflectV1() : await ReflectV1Alpha();
        Assert.Contains("safeguarding.testing.v1.EchoService", services);
        Assert.Contains("grpc.health.v1.Health", services);
        Assert.Contains("grpc.reflection.v1.ServerReflection", services);
        Assert.Contains("grpc.reflection.v1alpha.ServerReflection", services);

        var descriptors = files.Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes)).ToList();
        var echo = Assert.Single(descriptors, d => d.Name == "echo_service.proto");
        Assert.Contains("echo_types.proto", echo.Dependency);
        Assert.Contains(descriptors, d => d.Name == "echo_types.proto");
        Assert.Contains(echo.Service, s => s.Name == "EchoService" && s.Method.Any(m => m.Name == "Chat" && m.ClientStreaming && m.ServerStreaming));
    }

    private async Task<(List<string> Services, List<ByteString> Files)> ReflectV1()
    {
        using var call = new V1.ServerReflection.ServerReflectionClient(fixture.Channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new V1.ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.WriteAsync(new V1.ServerReflectionRequest { FileContainingSymbol = "safeguarding.testing.v1.EchoService" });
        await call.RequestStream.CompleteAsync();
        var responses = await call.ResponseStream.ReadAllAsync().ToListAsync();
        return ([.. responses[0].ListServicesResponse.Service.Select(s => s.Name)], [.. responses[1].FileDescriptorResponse.FileDescriptorProto]);
    }

    private async Task<(List<string> Services, List<ByteString> Files)> ReflectV1Alpha()
    {
        using var call = new V1Alpha.ServerReflection.ServerReflectionClient(fixture.Channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new V1Alpha.ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.WriteAsync(new V1Alpha.ServerReflectionRequest { FileContainingSymbol = "safeguarding.testing.v1.EchoService" });
        await call.RequestStream.CompleteAsync();
        var responses = await call.ResponseStream.ReadAllAsync().ToListAsync();
        return ([.. responses[0].ListServicesResponse.Service.Select(s => s.Name)], [.. responses[1].FileDescriptorResponse.FileDescriptorProto]);
    }
}

/// <summary>Health on shutdown: its own host, since the test shuts it down.</summary>
public sealed class ShutdownHealthTests
{
    [Fact]
    public async Task Once_shutdown_starts_check_is_not_serving_and_watches_end()
    {
        await using var host = await TestHost.StartAsync();
        using var channel = host.CreateChannel();
        var health = new Health.HealthClient(channel);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
        using var cancellation = new CancellationTokenSource(TestHost.Patience);
        using var watch = health.Watch(new HealthCheckRequest(), cancellationToken: cancellation.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cancellation.Token));

        host.BeginShutdown();

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest { Service = "safeguarding.testing.v1.EchoService" })).Status);
        // A watcher is not left hanging: its stream ends (load balancers reconnect elsewhere).
        while (await watch.ResponseStream.MoveNext(cancellation.Token))
        {
        }

        Assert.Equal(StatusCode.OK, watch.GetStatus().StatusCode);
    }
}
