using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Grpc.AspNetCore.Server;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Trace;
using Safeguarding.Platform.Hosting;

namespace Safeguarding.Platform.Grpc.Tests.Support;

/// <summary>
/// The Echo service hosted as a platform service is: AddServiceDefaults/MapServiceDefaults (caller check, error
/// mapping, 4 MiB limits, health, reflection, telemetry) on Kestrel h2c at a free loopback port.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string EchoPath = "/safeguarding.testing.v1.EchoService/Echo";

    /// <summary>How long a test waits for something that should happen promptly.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly WebApplication _app;

    private TestHost(WebApplication app, Uri address, ConcurrentQueue<Activity> spans)
    {
        _app = app;
        Address = address;
        Spans = spans;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public CallProbe Probe => _app.Services.GetRequiredService<CallProbe>();

    /// <summary>Spans the service's OpenTelemetry tracer exported (in memory).</summary>
    public ConcurrentQueue<Activity> Spans { get; }

    public static async Task<TestHost> StartAsync(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var spans = new ConcurrentQueue<Activity>();
        var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false"]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Endpoints:Address"] = "127.0.0.1",
            ["Endpoints:GrpcPort"] = "0",
            ["Endpoints:HttpPort"] = "-1",
            ["Endpoints:ShutdownTimeout"] = "00:00:02",
            ["Auth:DevelopmentKey"] = Tokens.Key,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Safeguarding.Platform.Grpc.RpcErrorInterceptor"] = "None",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddServiceDefaults("platform-grpc-tests");
        builder.Services.AddSingleton<CallProbe>();
        builder.Services.AddSingleton<IRpcExceptionMapper, TestExceptionMapper>();
        builder.Services.AddGrpcHealthFor("safeguarding.testing.v1.EchoService");
        builder.Services.Configure<HealthCheckPublisherOptions>(publisher =>
        {
            publisher.Delay = TimeSpan.Zero;
            publisher.Period = TimeSpan.FromSeconds(1);
        });
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(new CollectionSink(spans)));
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGrpcService<EchoService>();
        await app.StartAsync();
        return new TestHost(app, ServiceHost.Addresses(app)[0], spans);
    }

    /// <summary>A channel whose calls carry a valid bearer token unless they set their own authorization.</summary>
    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => GrpcChannel.ForAddress(Address, options ?? new GrpcChannelOptions());

    /// <summary>The Echo client on <paramref name="channel"/>, sending a valid token by default.</summary>
    public static Testing.V1.EchoService.EchoServiceClient Echo(GrpcChannel channel, bool withToken = true) =>
        withToken ? new(channel.Intercept(new DefaultToken())) : new(channel);

    /// <summary>A plain HttpClient speaking h2c with prior knowledge, for checks below the client library.</summary>
    public HttpClient CreateRawClient() => new(new SocketsHttpHandler { UseProxy = false })
    {
        BaseAddress = Address,
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    /// <summary>A gRPC-shaped POST built by hand with a valid token (the caller adds or overrides headers).</summary>
    public static HttpRequestMessage RawRequest(string path, byte[] body, bool withToken = true)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/grpc");
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = content,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (withToken)
        {
            request.Headers.TryAddWithoutValidation("authorization", "Bearer " + Tokens.Mint());
        }

        return request;
    }

    /// <summary>One uncompressed length-prefixed message.</summary>
    public static byte[] Frame(Google.Protobuf.IMessage message)
    {
        var payload = Google.Protobuf.MessageExtensions.ToByteArray(message);
        var frame = new byte[5 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>grpc-status of a raw response: from the headers (trailers-only) or the trailers.</summary>
    public static string? StatusOf(HttpResponseMessage response) => HeaderOf(response, "grpc-status");

    public static string? HeaderOf(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single()
        : response.TrailingHeaders.TryGetValues(name, out var trailing) ? trailing.Single()
        : null;

    /// <summary>Starts the host's shutdown (ApplicationStopping) without stopping the server yet.</summary>
    public void BeginShutdown() => _app.Lifetime.StopApplication();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class DefaultToken : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
            continuation(request, WithToken(context));

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
            continuation(request, WithToken(context));

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
            continuation(WithToken(context));

        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
            continuation(WithToken(context));

        private static ClientInterceptorContext<TRequest, TResponse> WithToken<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
            where TRequest : class
            where TResponse : class
        {
            var headers = context.Options.Headers ?? [];
            if (headers.Get("authorization") is null)
            {
                headers.Add("authorization", "Bearer " + Tokens.Mint());
            }

            return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
        }
    }

    private sealed class CollectionSink(ConcurrentQueue<Activity> spans) : ICollection<Activity>
    {
        public int Count => spans.Count;

        public bool IsReadOnly => false;

        public void Add(Activity item) => spans.Enqueue(item);

        public void Clear() => spans.Clear();

        public bool Contains(Activity item) => spans.Contains(item);

        public void CopyTo(Activity[] array, int arrayIndex) => spans.ToArray().CopyTo(array, arrayIndex);

        public bool Remove(Activity item) => throw new NotSupportedException();

        public IEnumerator<Activity> GetEnumerator() => spans.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>One host shared by the tests of a class.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    private TestHost? _host;
    private GrpcChannel? _channel;

    public TestHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public GrpcChannel Channel => _channel ?? throw new InvalidOperationException("Not started.");

    /// <summary>The Echo client, sending a valid token.</summary>
    public Testing.V1.EchoService.EchoServiceClient Echo => TestHost.Echo(Channel);

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        _channel = _host.CreateChannel();
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
