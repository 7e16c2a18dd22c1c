using Dapr.Client;
using DaprException = Dapr.DaprException;

namespace Safeguarding.Platform.Events.Dapr;

/// <summary>
/// Events through a Dapr sidecar with the Dapr SDK (<see cref="DaprClient"/> over the sidecar's gRPC API):
/// one event with <c>PublishEvent</c>, an outbox batch with <c>BulkPublishEvent</c>. Subscriptions are served by
/// <c>MapDaprPubSub</c>, where Dapr delivers and reads SUCCESS / RETRY / DROP.
/// </summary>
/// <remarks>
/// The payload is our structured CloudEvent, sent with <c>rawPayload</c> so the sidecar passes the bytes to the
/// broker untouched: the event id and the <c>traceparent</c> written at the outbox reach every consumer (a sidecar
/// that re-wraps, or that fills in its own trace context, would break deduplication and the trace). Subscribing
/// sidecars read those bytes as the CloudEvent they are, and our RabbitMQ transport writes the same bytes.
/// </remarks>
public sealed class DaprTransport : IEventTransport, IEventBatchPublisher, IDisposable
{
    // One bulk request stays well below the sidecar's default 4 MiB gRPC message limit.
    private const int MaxBulkBytes = 1024 * 1024;
    private const int MaxBulkEntries = 100;

    private readonly DaprClient _client;
    private readonly DaprOptions _options;
    private readonly DaprSubscriptionRegistry _registry;
    private readonly bool _ownsClient;

    /// <summary>Creates the transport over <paramref name="client"/>, which the caller keeps and disposes.</summary>
    public DaprTransport(DaprClient client, DaprOptions options, DaprSubscriptionRegistry registry)
        : this(client, options, registry, ownsClient: false)
    {
    }

    private DaprTransport(DaprClient client, DaprOptions options, DaprSubscriptionRegistry registry, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        _client = client;
        _options = options;
        _registry = registry;
        _ownsClient = ownsClient;
    }

    /// <summary>
    /// A transport with its own client for the sidecar at <see cref="DaprOptions.GrpcEndpoint"/> (else the SDK's
    /// default from <c>DAPR_GRPC_ENDPOINT</c>/<c>DAPR_GRPC_PORT</c>) sending <see cref="DaprOptions.ApiToken"/>.
    /// </summary>
    public static DaprTransport Create(DaprOptions options, DaprSubscriptionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new DaprClientBuilder();
        if (options.GrpcEndpoint is { } endpoint)
        {
            builder.UseGrpcEndpoint(endpoint.ToString());
        }

        if (!string.IsNullOrEmpty(options.ApiToken))
        {
            builder.UseDaprApiToken(options.ApiToken);
        }

        return new DaprTransport(builder.Build(), options, registry, ownsClient: true);
    }

    /// <inheritdoc />
    public async Task PublishAsync(string topic, CloudEvent cloudEvent, CancellationToken cancellationToken = default)
    {
        TopicNames.Validate(topic);
        ArgumentNullException.ThrowIfNull(cloudEvent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        // The sidecar answers once the component has accepted the message; a refusal is a DaprException.
        await _client.PublishByteEventAsync(
            _options.PubSubName, topic, ProtoCloudEvents.Encode(cloudEvent), ProtoCloudEvents.MediaType, RawPayload(), timeout.Token);
        CountPublished(topic, 1);
    }

    /// <inheritdoc />
    public Task<IAsyncDisposable> SubscribeAsync(string topic, CloudEventReceiver handler, CancellationToken cancellationToken = default)
    {
        TopicNames.Validate(topic);
        ArgumentNullException.ThrowIfNull(handler);
        return Task.FromResult(_registry.Add(topic, handler));
    }

    /// <summary>
    /// Bulk publish does not keep order inside a request, so a request carries at most one event per subject:
    /// the n-th event of every subject goes in wave n, waves go one after another, and a subject whose event
    /// failed sends nothing more in this batch (its later events fail with the same error), so one
    /// organisation's events never overtake each other.
    /// </summary>
    async Task<Exception?[]> IEventBatchPublisher.PublishBatchAsync(IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken)
    {
        var errors = new Exception?[events.Count];
        var failedSubjects = new Dictionary<string, Exception>(StringComparer.Ordinal);
        foreach (var wave in Waves(events))
        {
            var sending = new List<int>(wave.Count);
            foreach (var i in wave)
            {
                if (failedSubjects.TryGetValue(SubjectOf(events[i]), out var heldBack))
                {
                    errors[i] = heldBack;
                }
                else
                {
                    sending.Add(i);
                }
            }

            await Task.WhenAll(sending
                .GroupBy(i => events[i].Topic, StringComparer.Ordinal)
                .SelectMany(topic => Requests(topic.Key, [.. topic], events))
                .Select(request => PublishBulkAsync(request, events, errors, cancellationToken)));
            foreach (var i in sending)
            {
                if (errors[i] is { } error)
                {
                    failedSubjects.TryAdd(SubjectOf(events[i]), error);
                }
            }
        }

        return errors;
    }

    /// <summary>Disposes the client when the transport created it.</summary>
    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    private async Task PublishBulkAsync(BulkRequest request, IReadOnlyList<OutgoingEvent> events, Exception?[] errors, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        try
        {
            var response = await _client.BulkPublishEventAsync(_options.PubSubName, request.Topic, request.Bodies, RawPayload(), timeout.Token);
            // Failed entries carry the event bytes we passed, which identify them without relying on entry ids.
            var positions = new Dictionary<byte[], int>(ReferenceEqualityComparer.Instance);
            for (var k = 0; k < request.Bodies.Count; k++)
            {
                positions[request.Bodies[k]] = request.Indices[k];
            }

            foreach (var failed in response.FailedEntries)
            {
                if (positions.TryGetValue(failed.Entry.EventData, out var index))
                {
                    errors[index] = new DaprException(
                        $"Dapr bulk publish to '{request.Topic}' refused event {events[index].Event.Id}: {failed.ErrorMessage}");
                }
            }

            CountPublished(request.Topic, request.Indices.Count - response.FailedEntries.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            foreach (var index in request.Indices)
            {
                errors[index] = ex;
            }
        }
    }

    private static List<List<int>> Waves(IReadOnlyList<OutgoingEvent> events)
    {
        var waves = new List<List<int>>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var subject = SubjectOf(events[i]);
            var wave = seen.GetValueOrDefault(subject);
            seen[subject] = wave + 1;
            if (wave == waves.Count)
            {
                waves.Add([]);
            }

            waves[wave].Add(i);
        }

        return waves;
    }

    private static IEnumerable<BulkRequest> Requests(string topic, List<int> indices, IReadOnlyList<OutgoingEvent> events)
    {
        var request = new BulkRequest(topic);
        var bytes = 0;
        foreach (var index in indices)
        {
            var body = ProtoCloudEvents.Encode(events[index].Event);
            if (request.Indices.Count > 0 && (request.Indices.Count == MaxBulkEntries || bytes + body.Length > MaxBulkBytes))
            {
                yield return request;
                request = new BulkRequest(topic);
                bytes = 0;
            }

            request.Indices.Add(index);
            request.Bodies.Add(body);
            bytes += body.Length;
        }

        if (request.Indices.Count > 0)
        {
            yield return request;
        }
    }

    private static string SubjectOf(OutgoingEvent outgoing) => outgoing.Event.Subject ?? "";

    // Dapr's metadata key for "publish the bytes as they are" (pubsub_api: metadata.rawPayload). A new dictionary
    // per call: the client copies it into the request, but it is mutable and shared callers must not see changes.
    private static Dictionary<string, string> RawPayload() => new(StringComparer.Ordinal) { ["rawPayload"] = "true" };

    private static void CountPublished(string topic, int count)
    {
        if (count > 0)
        {
            EventsTelemetry.Published.Add(count, new KeyValuePair<string, object?>("messaging.destination.name", topic));
        }
    }

    private sealed record BulkRequest(string Topic)
    {
        public List<int> Indices { get; } = [];

        public List<byte[]> Bodies { get; } = [];
    }
}
