using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Safeguarding.Platform.Grpc.Tests.Support;

/// <summary>
/// A real Kestrel server on a free loopback port speaking cleartext HTTP/2 (h2c), serving the
/// platform services and the test EchoService through the layer under test.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public CallProbe Probe => _app.Services.GetRequiredService<CallProbe>();

    public HealthStatusManager Health => _app.Services.GetRequiredService<HealthStatusManager>();

    public static async Task<TestServer> StartAsync(Action<GrpcServerOptions>? configure = null, Action<IServiceCollection>? services = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpcServer(configure);
        builder.Services.AddSingleton<CallProbe>();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGrpcPlatformServices();
        app.MapGrpcService<EchoService>();
        map?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new TestServer(app, new Uri(address));
    }

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => GrpcChannel.ForAddress(Address, options);

    /// <summary>A plain HttpClient speaking h2c with prior knowledge, for checks below the client layer.</summary>
    public HttpClient CreateRawClient() => new()
    {
        BaseAddress = Address,
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    /// <summary>A gRPC-shaped POST built by hand (the caller adds or overrides headers).</summary>
    public static HttpRequestMessage RawRequest(string path, byte[] body, string contentType = "application/grpc")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        // DefaultRequestVersion only applies to HttpClient's helpers, so the version is set here too.
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = content,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
