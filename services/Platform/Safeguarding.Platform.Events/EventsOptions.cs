namespace Safeguarding.Platform.Events;

/// <summary>Which broker carries events.</summary>
public enum EventTransportKind
{
    /// <summary>In memory, inside this process: the embedded default and unit tests.</summary>
    InProcess = 0,

    /// <summary>RabbitMQ directly, laid out as Dapr's pubsub.rabbitmq component does.</summary>
    RabbitMq = 1,

    /// <summary>The Dapr sidecar's pub/sub API.</summary>
    Dapr = 2,
}

/// <summary>Binds the <c>Events</c> configuration section.</summary>
public sealed class EventsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Events";

    /// <summary><c>InProcess</c> (default), <c>RabbitMq</c> or <c>Dapr</c>.</summary>
    public EventTransportKind Transport { get; set; } = EventTransportKind.InProcess;

    /// <summary>
    /// The service's consumer group, like the Dapr app-id (RabbitMQ queues are <c>{ConsumerId}-{topic}</c>).
    /// Required.
    /// </summary>
    public string ConsumerId { get; set; } = "";

    /// <summary>CloudEvent <c>source</c>; defaults to <c>/safeguarding/{ConsumerId}</c>.</summary>
    public string? Source { get; set; }

    /// <summary>Deliveries of one event before it is dead-lettered (in-process and RabbitMQ; Dapr retries by its resiliency policy).</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>Delay before the second delivery attempt; doubles per attempt.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of the delay between delivery attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Deliveries an inbox subscription applies in one transaction at most (in-process and RabbitMQ): it takes
    /// what has arrived, up to this many, and commits them together; 1 means one transaction per event.
    /// Dapr delivers one event per request, so there it is always 1.
    /// </summary>
    public int ConsumerBatchSize { get; set; } = DefaultConsumerBatchSize;

    /// <summary>
    /// How long a consumer waits for more deliveries when a batch is not full (default zero: take what has
    /// arrived and go; batches still grow under load because deliveries queue while a batch commits).
    /// </summary>
    public TimeSpan ConsumerBatchWindow { get; set; } = TimeSpan.Zero;

    /// <summary>In-process transport settings.</summary>
    public InProcessOptions InProcess { get; set; } = new();

    /// <summary>Outbox dispatcher settings.</summary>
    public OutboxOptions Outbox { get; set; } = new();

    /// <summary>RabbitMQ settings (when <see cref="Transport"/> is RabbitMq).</summary>
    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>Dapr settings (when <see cref="Transport"/> is Dapr).</summary>
    public DaprOptions Dapr { get; set; } = new();

    /// <summary>How long processed event ids stay in the inbox (must exceed any redelivery window).</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    internal string EffectiveSource => string.IsNullOrWhiteSpace(Source) ? $"/safeguarding/{ConsumerId}" : Source;

    internal const int DefaultConsumerBatchSize = 100;

    internal DeliveryPolicy DeliveryPolicy => new(MaxDeliveryAttempts, FirstRetryDelay, MaxRetryDelay);

    internal ConsumerSettings ConsumerSettingsFor(ushort concurrency) =>
        new ConsumerSettings(concurrency, ConsumerBatchSize, ConsumerBatchWindow).Normalised();

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConsumerId) || ConsumerId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new InvalidOperationException(
                $"{SectionName}:ConsumerId is required: the service name (letters, digits, '-', '_', '.'), as its Dapr app-id.");
        }

        if (Transport == EventTransportKind.RabbitMq && string.IsNullOrWhiteSpace(RabbitMq.ConnectionString))
        {
            throw new InvalidOperationException($"{SectionName}:RabbitMq:ConnectionString (an amqp:// URI) is required for the RabbitMq transport.");
        }
    }
}

/// <summary>In-process transport settings (<c>Events:InProcess</c>).</summary>
public sealed class InProcessOptions
{
    /// <summary>Batches handled concurrently per subscription; 1 keeps queue order (as on RabbitMQ).</summary>
    public ushort ConsumerConcurrency { get; set; } = 1;
}

/// <summary>Outbox dispatcher settings (<c>Events:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>Rows read per dispatch cycle.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Subjects (organisations) published concurrently; one subject's events stay in order.</summary>
    public int Parallelism { get; set; } = 32;

    /// <summary>Fallback polling interval when no commit signal arrives.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First delay after a failed publish; doubles per attempt.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of the delay after failed publishes.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long sent rows are kept (for diagnosis) before removal.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>RabbitMQ settings (<c>Events:RabbitMq</c>).</summary>
public sealed class RabbitMqOptions
{
    /// <summary>amqp:// or amqps:// URI.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Unacknowledged deliveries per subscription (bounded prefetch).</summary>
    public ushort PrefetchCount { get; set; } = 64;

    /// <summary>
    /// Batches handled concurrently per subscription; 1 keeps queue order. Keep
    /// <see cref="PrefetchCount"/> at least this times <c>Events:ConsumerBatchSize</c> for full batches.
    /// </summary>
    public ushort ConsumerConcurrency { get; set; } = 1;

    /// <summary>How long a publish waits for the broker's confirm.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Wait between reconnection attempts.</summary>
    public TimeSpan ReconnectInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>Dapr settings (<c>Events:Dapr</c>); the endpoint and tokens default to Dapr's own variables.</summary>
public sealed class DaprOptions
{
    /// <summary>Name of the pub/sub component.</summary>
    public string PubSubName { get; set; } = "pubsub";

    /// <summary>
    /// The sidecar's gRPC API (<c>http://127.0.0.1:50001</c>); defaults to <c>DAPR_GRPC_ENDPOINT</c>, else
    /// <c>DAPR_GRPC_PORT</c> on localhost, as the Dapr SDK resolves them.
    /// </summary>
    public Uri? GrpcEndpoint { get; set; }

    /// <summary>Sent as <c>dapr-api-token</c> to the sidecar; defaults to <c>DAPR_API_TOKEN</c>.</summary>
    public string? ApiToken { get; set; }

    /// <summary>Required from the sidecar as <c>dapr-api-token</c>; defaults to <c>APP_API_TOKEN</c>.</summary>
    public string? AppApiToken { get; set; }

    /// <summary>Path prefix of the routes Dapr delivers events to (<c>{prefix}/{topic}</c>).</summary>
    public string RoutePrefix { get; set; } = "/dapr/events";

    /// <summary>How long a publish waits for the sidecar's answer before the outbox tries again.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
