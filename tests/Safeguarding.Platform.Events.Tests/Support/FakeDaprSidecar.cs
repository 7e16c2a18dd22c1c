using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using DaprRuntime = Dapr.Client.Autogen.Grpc.v1.Dapr;

namespace Safeguarding.Platform.Events.Tests.Support;

/// <summary>
/// A stand-in for daprd, which cannot be installed here: Dapr's own runtime gRPC API (service
/// <c>dapr.proto.runtime.v1.Dapr</c> and its messages from Dapr.Protos), served by Grpc.AspNetCore on Kestrel h2c on a
/// loopback port, implementing the pub/sub methods the SDK calls: PublishEvent, BulkPublishEvent and the deprecated
/// BulkPublishEventAlpha1. As daprd does, it refuses a call without the configured <c>dapr-api-token</c>
/// (UNAUTHENTICATED) and a component name it does not have (INVALID_ARGUMENT); it records every call, can refuse
/// publishes or single bulk entries, and can act as the broker: it delivers what it accepted to the apps whose
/// <c>GET /dapr/subscribe</c> asked for the topic, and reads their SUCCESS / RETRY / DROP answers. Only the
/// <c>rawPayload</c> publish path is modelled (the bytes go to subscribers unchanged), which is the one the
/// platform uses.
/// </summary>
public sealed class FakeDaprSidecar : DaprPubSubBase, IAsyncDisposable
{
    public const string PubSubName = "pubsub";

    private readonly ConcurrentDictionary<string, List<Uri>> _routes = new(StringComparer.Ordinal);
    private readonly HttpClient _apps = new();
    private WebApplication? _app;
    private string? _appToken;

    private FakeDaprSidecar(string? apiToken) => ApiToken = apiToken;

    /// <summary>The token daprd was given (<c>DAPR_API_TOKEN</c>); calls must carry it.</summary>
    public string? ApiToken { get; }

    /// <summary>The gRPC endpoint, as the app's <c>DAPR_GRPC_ENDPOINT</c> would name it.</summary>
    public Uri Address { get; private set; } = null!;

    public ConcurrentQueue<PublishCall> Calls { get; } = new();

    /// <summary>Accepted messages as they would sit in the broker, in acceptance order.</summary>
    public ConcurrentQueue<AcceptedMessage> Accepted { get; } = new();

    public ConcurrentQueue<(string Topic, string Status)> Deliveries { get; } = new();

    /// <summary>When not OK, every publish call fails with this status (as daprd does for a broken component).</summary>
    public StatusCode FailCalls { get; set; } = StatusCode.OK;

    /// <summary>For a bulk entry, the component's error, or null to accept it.</summary>
    public Func<CloudEvent, string?> RefuseEntry { get; set; } = _ => null;

    public static async Task<FakeDaprSidecar> StartAsync(string? apiToken = null)
    {
        var sidecar = new FakeDaprSidecar(apiToken);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // gRPC needs HTTP/2; without TLS Kestrel speaks it (h2c) only on an HTTP/2-only endpoint.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(sidecar);
        var app = builder.Build();
        app.MapGrpcService<FakeDaprSidecar>();
        await app.StartAsync();
        sidecar._app = app;
        sidecar.Address = new Uri(app.Urls.First());
        return sidecar;
    }

    public override Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        Check(nameof(PublishEvent), request.PubsubName, context);
        var entry = new PublishedEntry(request.Data.ToByteArray(), request.DataContentType, new Dictionary<string, string>(request.Metadata));
        Calls.Enqueue(new PublishCall(nameof(PublishEvent), request.PubsubName, request.Topic, ApiTokenOf(context), TraceParentOf(context), new Dictionary<string, string>(request.Metadata), [entry]));
        Accept(request.Topic, entry.Data);
        return Task.FromResult(new Empty());
    }

    public override Task<BulkPublishResponse> BulkPublishEvent(BulkPublishRequest request, ServerCallContext context) =>
        Task.FromResult(BulkPublish(nameof(BulkPublishEvent), request, context));

    public override Task<BulkPublishResponse> BulkPublishEventAlpha1(BulkPublishRequest request, ServerCallContext context) =>
        Task.FromResult(BulkPublish(nameof(BulkPublishEventAlpha1), request, context));

    /// <summary>Reads the app's <c>GET /dapr/subscribe</c> as daprd does at start-up; returns the raw answer.</summary>
    public async Task<JsonElement> SubscribeAppAsync(Uri app, string? appToken = null)
    {
        _appToken = appToken;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(app, "/dapr/subscribe"));
        AddAppToken(request);
        using var response = await _apps.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        foreach (var subscription in document.RootElement.EnumerateArray())
        {
            // daprd decodes this with Go's encoding/json, which matches member names case-insensitively.
            if (Member(subscription, "pubsubname")?.GetString() == PubSubName && Member(subscription, "topic")?.GetString() is { } topic)
            {
                var route = Member(subscription, "route")?.GetString() ?? Member(Member(subscription, "routes"), "default")?.GetString();
                _routes.GetOrAdd(topic, _ => []).Add(new Uri(app, route));
            }
        }

        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        _apps.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private static JsonElement? Member(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } obj
            ? obj.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault()
            : null;

    private static string? ApiTokenOf(ServerCallContext context) => context.RequestHeaders.GetValue("dapr-api-token");

    private static string? TraceParentOf(ServerCallContext context) => context.RequestHeaders.GetValue("traceparent");

    private BulkPublishResponse BulkPublish(string method, BulkPublishRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        Check(method, request.PubsubName, context);
        var entries = request.Entries.Select(e => new PublishedEntry(e.Event.ToByteArray(), e.ContentType, new Dictionary<string, string>(e.Metadata))).ToList();
        Calls.Enqueue(new PublishCall(method, request.PubsubName, request.Topic, ApiTokenOf(context), TraceParentOf(context), new Dictionary<string, string>(request.Metadata), entries));
        var response = new BulkPublishResponse();
        foreach (var (entry, data) in request.Entries.Zip(entries))
        {
            if (RefuseEntry(ProtoCloudEvents.Decode(data.Data)) is { } error)
            {
                response.FailedEntries.Add(new BulkPublishResponseFailedEntry { EntryId = entry.EntryId, Error = error });
            }
            else
            {
                Accept(request.Topic, data.Data);
            }
        }

        return response;
    }

    private void Check(string method, string pubsubName, ServerCallContext context)
    {
        if (ApiToken is not null && ApiTokenOf(context) != ApiToken)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "authentication error: api token mismatch"));
        }

        if (pubsubName != PubSubName)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"pubsub {pubsubName} is not found"));
        }

        if (FailCalls != StatusCode.OK)
        {
            throw new RpcException(new Status(FailCalls, $"{method} failed (injected)"));
        }
    }

    private void Accept(string topic, byte[] data)
    {
        Accepted.Enqueue(new AcceptedMessage(topic, data));
        if (_routes.TryGetValue(topic, out var routes))
        {
            // Like a broker: delivery happens after the publisher got its answer.
            foreach (var route in routes)
            {
                _ = Task.Run(() => DeliverAsync(topic, route, data));
            }
        }
    }

    private async Task DeliverAsync(string topic, Uri route, byte[] data)
    {
        // daprd retries RETRY and failed calls by its resiliency policy; three attempts are enough here.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = new ByteArrayContent(data) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(ProtoCloudEvents.MediaType);
            AddAppToken(request);
            using var response = await _apps.SendAsync(request);
            var status = response.IsSuccessStatusCode ? await StatusOfAsync(response) : $"HTTP {(int)response.StatusCode}";
            Deliveries.Enqueue((topic, status));
            if (status is "SUCCESS" or "DROP")
            {
                return;
            }

            await Task.Delay(50);
        }
    }

    // pubsub_api: a 2xx answer without a status is SUCCESS.
    private static async Task<string> StatusOfAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return Member(document.RootElement, "status")?.GetString() ?? "SUCCESS";
    }

    private void AddAppToken(HttpRequestMessage request)
    {
        if (_appToken is not null)
        {
            request.Headers.Add("dapr-api-token", _appToken);
        }
    }
}

/// <summary>
/// The pub/sub part of Dapr's runtime gRPC service (<c>dapr.proto.runtime.v1.Dapr</c>) as a Grpc.AspNetCore service
/// base, like the generated <c>DaprBase</c> would be: Dapr.Protos carries only the client stub of this service, so its
/// methods are bound here by their names in the package's service descriptor, with the package's message types.
/// </summary>
[BindServiceMethod(typeof(DaprPubSubBase), nameof(BindService))]
public abstract class DaprPubSubBase
{
    public virtual Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<BulkPublishResponse> BulkPublishEvent(BulkPublishRequest request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<BulkPublishResponse> BulkPublishEventAlpha1(BulkPublishRequest request, ServerCallContext context) => throw Unimplemented();

    public static void BindService(ServiceBinderBase binder, DaprPubSubBase? service)
    {
        ArgumentNullException.ThrowIfNull(binder);
        binder.AddMethod(Unary(nameof(PublishEvent), PublishEventRequest.Parser, Empty.Parser), service is null ? null : service.PublishEvent);
        binder.AddMethod(Unary(nameof(BulkPublishEvent), BulkPublishRequest.Parser, BulkPublishResponse.Parser), service is null ? null : service.BulkPublishEvent);
        binder.AddMethod(Unary(nameof(BulkPublishEventAlpha1), BulkPublishRequest.Parser, BulkPublishResponse.Parser), service is null ? null : service.BulkPublishEventAlpha1);
    }

    private static RpcException Unimplemented() => new(new Status(StatusCode.Unimplemented, ""));

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string name, MessageParser<TRequest> requestParser, MessageParser<TResponse> responseParser)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        new(MethodType.Unary, DaprRuntime.Descriptor.FullName, DaprRuntime.Descriptor.FindMethodByName(name).Name,
            Marshallers.Create(m => m.ToByteArray(), requestParser.ParseFrom), Marshallers.Create(m => m.ToByteArray(), responseParser.ParseFrom));
}

/// <summary>One publish call as it reached the sidecar.</summary>
public sealed record PublishCall(
    string Method, string PubSubName, string Topic, string? ApiToken, string? TraceParent, IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<PublishedEntry> Entries);

/// <summary>One event in a publish call: the bytes, their content type and the entry's metadata.</summary>
public sealed record PublishedEntry(byte[] Data, string ContentType, IReadOnlyDictionary<string, string> Metadata)
{
    public CloudEvent Event => ProtoCloudEvents.Decode(Data);
}

public sealed record AcceptedMessage(string Topic, byte[] Data);
