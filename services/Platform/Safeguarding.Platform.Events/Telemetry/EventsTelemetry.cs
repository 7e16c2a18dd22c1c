using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Safeguarding.Platform.Events;

/// <summary>The events library's ActivitySource and Meter (add both to the OpenTelemetry providers).</summary>
public static class EventsTelemetry
{
    /// <summary>Name of the ActivitySource and Meter.</summary>
    public const string Name = "Safeguarding.Events";

    /// <summary>Spans: create (producer, at outbox write), send (dispatch to the broker), process (consumer).</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Published = Meter.CreateCounter<long>(
        "safeguarding.events.published", "{event}", "Events accepted by the broker.");

    internal static readonly Counter<long> Processed = Meter.CreateCounter<long>(
        "safeguarding.events.processed", "{event}", "Deliveries handled, by outcome.");

    internal static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>(
        "safeguarding.events.dead_lettered", "{event}", "Deliveries given up (dropped or attempts exhausted).");

    internal static Activity? StartCreate(string topic) =>
        ActivitySource.StartActivity($"create {topic}", ActivityKind.Producer)?.AddMessaging(topic, "create");

    internal static Activity? StartSend(string topic, CloudEvent cloudEvent) =>
        ActivitySource.StartActivity($"send {topic}", ActivityKind.Client, ParentOf(cloudEvent))
            ?.AddMessaging(topic, "send")
            .SetTag("messaging.message.id", cloudEvent.Id);

    /// <summary>The consumer's span, a child of the producer's context carried in <c>traceparent</c>.</summary>
    internal static Activity? StartProcess(string topic, CloudEvent cloudEvent) =>
        ActivitySource.StartActivity($"process {topic}", ActivityKind.Consumer, ParentOf(cloudEvent))
            ?.AddMessaging(topic, "process")
            .SetTag("messaging.message.id", cloudEvent.Id);

    internal static ActivityContext ParentOf(CloudEvent cloudEvent) =>
        cloudEvent.GetTraceParent() is { } traceParent &&
        ActivityContext.TryParse(traceParent, cloudEvent.GetTraceState(), isRemote: true, out var context)
            ? context
            : default;

    private static Activity AddMessaging(this Activity activity, string topic, string operation) => activity
        .SetTag("messaging.destination.name", topic)
        .SetTag("messaging.operation.type", operation);
}
