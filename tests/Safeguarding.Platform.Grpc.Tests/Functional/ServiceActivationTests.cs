using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Platform.Grpc.Tests.Support;
using Safeguarding.Testing.V1;

namespace Safeguarding.Platform.Grpc.Tests.Functional;

/// <summary>How a call gets its service instance: DI's lifetime when registered, else one per call.</summary>
public sealed class ServiceActivationTests
{
    private static readonly ServiceDescriptor Counter = EchoServiceReflection.Descriptor.Services.Single(s => s.Name == "CounterService");
    private static readonly Method<EchoRequest, EchoResponse> Which = Method.Create<EchoRequest, EchoResponse>(Counter, "Which");

    private static async Task<(string First, string Second)> TwoCallsAsync<TService>(Action<IServiceCollection>? services = null)
        where TService : class, IGrpcService
    {
        await using var server = await TestServer.StartAsync(services: services, map: app => app.MapGrpcService<TService>());
        using var channel = server.CreateChannel();
        var first = await channel.UnaryCall(Which, new EchoRequest());
        var second = await channel.UnaryCall(Which, new EchoRequest());
        return (first.Text, second.Text);
    }

    [Fact]
    public async Task An_unregistered_service_without_dependencies_is_created_per_call()
    {
        var (first, second) = await TwoCallsAsync<StatelessCounter>();

        Assert.StartsWith("stateless ", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task An_unregistered_service_with_dependencies_gets_them_from_the_request_scope()
    {
        var (first, second) = await TwoCallsAsync<UnregisteredWithScopedDependency>(s => s.AddScoped<ScopedDependency>());

        Assert.StartsWith("unregistered ", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_registered_singleton_serves_every_call()
    {
        var (first, second) = await TwoCallsAsync<SingletonCounter>(s => s.AddSingleton<SingletonCounter>());

        Assert.StartsWith("singleton ", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_registered_scoped_service_is_resolved_in_each_requests_scope()
    {
        var (first, second) = await TwoCallsAsync<ScopedCounter>(s => s.AddScoped<ScopedCounter>().AddScoped<ScopedDependency>());

        Assert.StartsWith("scoped ", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    private static int _instances;

    private static string Next(string kind) => $"{kind} {Interlocked.Increment(ref _instances)}";

    public sealed class ScopedDependency
    {
        public string Id { get; } = Next("dependency");
    }

#pragma warning disable CA1822 // RPC methods are instance methods by contract.
    public sealed class StatelessCounter : IGrpcService
    {
        private readonly string _id = Next("stateless");

        public static ServiceDescriptor Descriptor => Counter;

        public Task<EchoResponse> Which(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoResponse { Text = _id });
    }

    public sealed class SingletonCounter : IGrpcService
    {
        private readonly string _id = Next("singleton");

        public static ServiceDescriptor Descriptor => Counter;

        public Task<EchoResponse> Which(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoResponse { Text = _id });
    }

    public sealed class ScopedCounter(ScopedDependency dependency) : IGrpcService
    {
        private readonly string _id = Next("scoped");

        public static ServiceDescriptor Descriptor => Counter;

        public Task<EchoResponse> Which(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoResponse { Text = $"{_id} with {dependency.Id}" });
    }

    public sealed class UnregisteredWithScopedDependency(ScopedDependency dependency) : IGrpcService
    {
        public static ServiceDescriptor Descriptor => Counter;

        public Task<EchoResponse> Which(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoResponse { Text = $"unregistered with {dependency.Id}" });
    }
#pragma warning restore CA1822
}
