using System.Net.Http.Headers;

namespace Safeguarding.Platform.Events.Dapr;

/// <summary>
/// Events through a Dapr sidecar: publishes with <c>POST /v1.0/publish/{pubsubname}/{topic}</c> (our own
/// CloudEvent, <c>application/cloudevents+json</c>, so Dapr forwards it as is); subscriptions are served by
/// <c>MapDaprPubSub</c>, where Dapr delivers and reads SUCCESS / RETRY / DROP.
/// </summary>
public sealed class DaprTransport(HttpClient http, DaprOptions options, DaprSubscriptionRegistry registry) : IEventTransport
{
    internal const string TokenHeader = "dapr-api-token";

    /// <inheritdoc />
    public async Task PublishAsync(string topic, CloudEvent cloudEvent, CancellationToken cancellationToken = default)
    {
        TopicNames.Validate(topic);
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var uri = new Uri(options.SidecarAddress,
            $"v1.0/publish/{Uri.EscapeDataString(options.PubSubName)}/{Uri.EscapeDataString(topic)}");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new ByteArrayContent(ProtoCloudEvents.Encode(cloudEvent)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ProtoCloudEvents.MediaType);
        if (!string.IsNullOrEmpty(options.ApiToken))
        {
            request.Headers.TryAddWithoutValidation(TokenHeader, options.ApiToken);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        // 204 is "delivered"; 403 (access control), 404 (no such pubsub) and 500 (delivery failed) are not.
        if (!response.IsSuccessStatusCode)
        {
            throw new DaprPublishException(topic, (int)response.StatusCode);
        }

        EventsTelemetry.Published.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", topic));
    }

    /// <inheritdoc />
    public Task<IAsyncDisposable> SubscribeAsync(string topic, CloudEventReceiver handler, CancellationToken cancellationToken = default)
    {
        TopicNames.Validate(topic);
        ArgumentNullException.ThrowIfNull(handler);
        return Task.FromResult(registry.Add(topic, handler));
    }
}

/// <summary>The sidecar refused or failed a publish; the outbox retries it.</summary>
public sealed class DaprPublishException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DaprPublishException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DaprPublishException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public DaprPublishException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal DaprPublishException(string topic, int statusCode)
        : base($"Dapr publish to '{topic}' failed with HTTP {statusCode}.") => StatusCode = statusCode;

    /// <summary>HTTP status the sidecar answered.</summary>
    public int StatusCode { get; }
}
