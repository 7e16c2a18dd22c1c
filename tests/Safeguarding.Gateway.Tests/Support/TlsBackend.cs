using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;

namespace Safeguarding.Gateway.Tests.Support;

/// <summary>
/// An agency's ingress in front of its echo instance: HTTPS with the agency CA's certificate, HTTP/2 only, and a
/// client certificate from the same CA required on every connection. It keeps the thumbprints of the client
/// certificates it accepted and how many requests reached its service.
/// </summary>
public sealed class TlsBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requestsServed;

    private TlsBackend(WebApplication app, Uri address, ConcurrentBag<string> accepted)
    {
        _app = app;
        Address = address;
        AcceptedClientCertificates = accepted;
    }

    public Uri Address { get; }

    public ConcurrentBag<string> AcceptedClientCertificates { get; }

    public int RequestsServed => Volatile.Read(ref _requestsServed);

    public static async Task<TlsBackend> StartAsync(string name, TestCertificates certificates)
    {
        var accepted = new ConcurrentBag<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.UseHttps(https =>
            {
                https.ServerCertificate = certificates.Ingress;
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.ClientCertificateValidation = (certificate, _, _) =>
                {
                    var trusted = certificates.IssuedByAuthority(certificate);
                    if (trusted)
                    {
                        accepted.Add(certificate.Thumbprint);
                    }

                    return trusted;
                };
            });
        }));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<CallProbe>();
        builder.Services.AddSingleton(new EchoInstance(name));
        var app = builder.Build();
        TlsBackend? backend = null;
        app.Use((http, next) =>
        {
            Interlocked.Increment(ref backend!._requestsServed);
            return next(http);
        });
        app.MapGrpcService<TestEchoService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        backend = new TlsBackend(app, new Uri(address), accepted);
        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
